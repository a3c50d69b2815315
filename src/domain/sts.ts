import { newId, newSecretAccessKey, newToken, sha256Hex } from '../core/crypto/index.js';
import type { Deps } from './context.js';
import { AccessDenied, ValidationError } from './errors.js';
import { verifyAndConsume } from './mfa/verify.js';
import type { Principal } from './principal.js';

export function sessionAad(accessKeyId: string): string {
  return `sts-session:${accessKeyId}`;
}

export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: number;
}

export interface GetSessionTokenInput {
  durationSeconds?: number;
  serialNumber?: string;
  tokenCode?: string;
}

const MIN_SECONDS = 900;
const MAX_SECONDS = 129_600;
const ROOT_MAX_SECONDS = 3600;
const USER_DEFAULT_SECONDS = 43_200;
const INVALID_CODE = 'MultiFactorAuthentication failed with invalid MFA one time pass code. ';
const UNKNOWN_DEVICE =
  'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA ' +
  'serial number is valid and associated with this user.';

/**
 * GetSessionToken: temporary credentials for the caller, marked MFA-authenticated when a code of
 * the caller's own device came with the request. It is an authentication step, so no policy is
 * evaluated for it (as in AWS, where the self-manage MFA policy would otherwise lock users out).
 */
export async function getSessionToken(
  deps: Deps,
  caller: Principal,
  input: GetSessionTokenInput,
): Promise<SessionCredentials> {
  if (caller.session) {
    throw new AccessDenied('Cannot call GetSessionToken with session credentials');
  }
  // The code is consumed and the session stored in one transaction: if storing fails, the code
  // was not spent and the client's retry can still use it. A wrong code is not thrown inside it,
  // since the rollback would also undo the failed attempt it counted against the device.
  const issued = await deps.store.transaction((store) =>
    issueSession({ ...deps, store }, caller, input),
  );
  if (issued instanceof AccessDenied) throw issued;
  return issued;
}

async function issueSession(
  deps: Deps,
  caller: Principal,
  input: GetSessionTokenInput,
): Promise<SessionCredentials | AccessDenied> {
  const now = deps.clock();
  const duration = sessionSeconds(caller, input.durationSeconds);
  const mfaAuthenticated = await checkMfa(deps, caller, input);
  if (mfaAuthenticated instanceof AccessDenied) return mfaAuthenticated;

  const accessKeyId = newId(deps.random, 'ASIA');
  const secretAccessKey = newSecretAccessKey(deps.random);
  const sessionToken = newToken(deps.random, 96);
  const expiration = now + duration * 1000;

  await deps.store.sessions.insert({
    accessKeyId,
    secretSealed: deps.sealer.seal(secretAccessKey, sessionAad(accessKeyId)),
    tokenHash: sha256Hex(sessionToken),
    userId: caller.kind === 'root' ? null : caller.userId,
    sourceAccessKeyId: caller.accessKeyId,
    mfaAuthenticated,
    mfaAuthenticatedAt: mfaAuthenticated ? now : null,
    expiresAt: expiration,
    createdAt: now,
  });
  return { accessKeyId, secretAccessKey, sessionToken, expiration };
}

/** Users may ask for 900 to 129600 seconds; the root user's sessions are cut to an hour. */
function sessionSeconds(caller: Principal, requested: number | undefined): number {
  if (requested !== undefined && (requested < MIN_SECONDS || requested > MAX_SECONDS)) {
    throw new ValidationError(
      `1 validation error detected: Value '${requested}' at 'durationSeconds' failed to ` +
        `satisfy constraint: Member must be between ${MIN_SECONDS} and ${MAX_SECONDS}`,
    );
  }

  if (caller.kind === 'root') return Math.min(requested ?? ROOT_MAX_SECONDS, ROOT_MAX_SECONDS);
  return requested ?? USER_DEFAULT_SECONDS;
}

/**
 * Whether the request proved MFA. A wrong, replayed or locked-out code comes back as the error
 * to answer with (see getSessionToken); requests that never reach a code check throw.
 */
async function checkMfa(
  deps: Deps,
  caller: Principal,
  input: GetSessionTokenInput,
): Promise<boolean | AccessDenied> {
  const { serialNumber, tokenCode } = input;
  if (serialNumber === undefined && tokenCode === undefined) return false;
  if (serialNumber === undefined || tokenCode === undefined) {
    throw new AccessDenied(
      'MultiFactorAuthentication failed: SerialNumber and TokenCode must be given together.',
    );
  }

  const device = await deps.store.mfaDevices.find(serialNumber);
  if (!device || device.userId === null || device.userId !== caller.user?.userId) {
    throw new AccessDenied(UNKNOWN_DEVICE);
  }

  const outcome = await verifyAndConsume(deps, serialNumber, tokenCode);
  if (outcome.ok) return true;
  if (outcome.reason === 'locked') {
    return new AccessDenied(
      'MultiFactorAuthentication failed: too many invalid codes for this device; try again later.',
    );
  }
  return new AccessDenied(INVALID_CODE);
}
