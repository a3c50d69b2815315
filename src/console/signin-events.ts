import type { FastifyRequest } from 'fastify';

import type { ConsoleLoginInput } from '../domain/audit/console-login.js';

import type { Console } from './context.js';

export type SignInFailure =
  | 'wrong-account'
  | 'unknown-user'
  | 'no-password'
  | 'wrong-password'
  | 'wrong-code'
  | 'replayed-code'
  | 'device-locked';

interface SignInFields {
  principalType: 'Root' | 'IAMUser';
  /** Only for users that exist: a typed name may be a password typed in the wrong field. */
  userName?: string;
  mfaUsed: boolean;
  serialNumber?: string;
}

/** One event per sign-in outcome, named as the audit trail names them; never a secret. */
export function signInSucceeded(c: Console, request: FastifyRequest, fields: SignInFields): void {
  c.logger.info({ event: 'signin.succeeded', ...common(c, request), ...fields }, 'console sign-in');
}

export function signInFailed(
  c: Console,
  request: FastifyRequest,
  reason: SignInFailure,
  fields: SignInFields,
): void {
  c.logger.info(
    { event: 'signin.failed', reason, ...common(c, request), ...fields },
    'console sign-in refused',
  );
}

/** Where a sign-in came from, for its ConsoleLogin event in the audit trail. */
export function loginOrigin(
  request: FastifyRequest,
): Pick<ConsoleLoginInput, 'sourceIp' | 'userAgent'> {
  return { sourceIp: request.ip, userAgent: request.headers['user-agent'] };
}

function common(c: Console, request: FastifyRequest): Record<string, string | undefined> {
  return {
    accountId: c.deps.settings.accountId,
    sourceIp: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 256),
  };
}
