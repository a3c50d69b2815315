import { LruCache } from '../core/cache/index.js';
import { safeEqual, sha256Hex, type Sealer } from '../core/crypto/index.js';
import { secretAad } from './access-keys.js';
import { rootArn, userArn } from './arn.js';
import type { Deps } from './context.js';
import { ExpiredToken, InvalidClientTokenId } from './errors.js';
import type { Principal } from './principal.js';
import { sessionAad } from './sts.js';

export interface SigningIdentity {
  /** The secret the request must have been signed with. */
  secret: string;
  principal: Principal;
}

const INVALID_TOKEN = 'The security token included in the request is invalid.';

/** Opened secrets kept per sealer; enough for every key of a busy account to stay warm. */
const MAX_OPENED = 1024;
const opened = new WeakMap<Sealer, LruCache<string, string>>();

/**
 * Finds who an access key id belongs to and the secret it signs with. Status, expiry and the
 * existence of the user and source key are read from the database on every request, so a key that
 * is deactivated or deleted stops working at once, on every instance.
 */
export async function resolveSigningIdentity(
  deps: Deps,
  accessKeyId: string,
  securityToken: string | undefined,
): Promise<SigningIdentity> {
  if (accessKeyId.startsWith('ASIA')) return resolveSession(deps, accessKeyId, securityToken);
  if (securityToken !== undefined) throw new InvalidClientTokenId(INVALID_TOKEN);

  const key = await deps.store.accessKeys.find(accessKeyId);
  if (!key || key.status !== 'Active') throw new InvalidClientTokenId(INVALID_TOKEN);

  const principal = await principalFor(deps, key.userId, accessKeyId);
  const secret = openSecret(deps.sealer, key.secretSealed, secretAad(accessKeyId));
  return { secret, principal };
}

async function resolveSession(
  deps: Deps,
  accessKeyId: string,
  securityToken: string | undefined,
): Promise<SigningIdentity> {
  const session = await deps.store.sessions.find(accessKeyId);
  if (!session || securityToken === undefined) throw new InvalidClientTokenId(INVALID_TOKEN);
  if (!safeEqual(sha256Hex(securityToken), session.tokenHash)) {
    throw new InvalidClientTokenId(INVALID_TOKEN);
  }
  if (session.expiresAt <= deps.clock()) {
    throw new ExpiredToken('The security token included in the request is expired');
  }

  const source = await deps.store.accessKeys.find(session.sourceAccessKeyId);
  if (!source || source.status !== 'Active') throw new InvalidClientTokenId(INVALID_TOKEN);

  const principal = await principalFor(deps, session.userId, accessKeyId);
  principal.session = {
    mfaAuthenticated: session.mfaAuthenticated,
    mfaAuthenticatedAt: session.mfaAuthenticatedAt,
    expiresAt: session.expiresAt,
    issuedAt: session.createdAt,
  };
  const secret = openSecret(deps.sealer, session.secretSealed, sessionAad(accessKeyId));
  return { secret, principal };
}

/**
 * Opens a sealed secret, or finds it opened already: AES-GCM on every request costs more than the
 * lookups around it. Entries are keyed by the sealed value and the key id it is bound to, so a
 * replaced secret is a new entry, and the status checks above still run on every request. The
 * least recently used entry goes first; the secrets live only in memory, never in a log.
 */
function openSecret(sealer: Sealer, sealed: string, aad: string): string {
  let cache = opened.get(sealer);
  if (!cache) opened.set(sealer, (cache = new LruCache(MAX_OPENED)));
  return cache.getOrMake(`${aad}\n${sealed}`, () => sealer.open(sealed, aad).toString());
}

async function principalFor(
  deps: Deps,
  userId: string | null,
  accessKeyId: string,
): Promise<Principal> {
  const { accountId } = deps.settings;
  if (userId === null) {
    return { kind: 'root', accountId, arn: rootArn(accountId), userId: accountId, accessKeyId };
  }

  const user = await deps.store.users.findById(userId);
  if (!user) throw new InvalidClientTokenId(INVALID_TOKEN);
  return {
    kind: 'user',
    accountId,
    arn: userArn(accountId, user.path, user.userName),
    userId: user.userId,
    user,
    accessKeyId,
  };
}
