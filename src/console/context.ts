import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

import { authorize } from '../api/authorize.js';
import { rootArn, userArn } from '../domain/arn.js';
import { evaluateAccess } from '../domain/authorization.js';
import type { Deps } from '../domain/context.js';
import { AccessDenied } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import { csrfToken } from './csrf.js';
import type { Nav } from './layout.js';
import type { ConsoleSession } from './session.js';

/** What every console route is handed when it is registered. */
export interface Console {
  deps: Deps;
  logger: Logger;
}

/** A fully signed-in visitor, as a route sees them. */
export interface SignedIn {
  session: ConsoleSession;
  principal: Principal;
  csrf: string;
  nav: Nav;
}

/**
 * The console session as a principal, so policies see it as AWS does a console sign-in: a
 * session, MFA-authenticated when a code was given. There is no access key behind it.
 */
export function principalOf(deps: Deps, session: ConsoleSession): Principal {
  const { accountId } = deps.settings;
  const { record, user } = session;
  const mfa = {
    mfaAuthenticated: record.mfaAuthenticatedAt !== null,
    mfaAuthenticatedAt: record.mfaAuthenticatedAt,
    expiresAt: record.expiresAt,
    issuedAt: record.createdAt,
  };
  if (user === null) {
    return { kind: 'root', accountId, arn: rootArn(accountId), userId: accountId, accessKeyId: '' };
  }

  const arn = userArn(accountId, user.path, user.userName);
  return { kind: 'user', accountId, arn, userId: user.userId, user, accessKeyId: '', session: mfa };
}

/** Root may do everything; anyone else gets what the account's policies allow. */
export async function mustBeAllowed(
  c: Console,
  request: FastifyRequest,
  principal: Principal,
  action: string,
  resource: string,
): Promise<void> {
  if (principal.kind === 'root') return;
  await authorize(c.deps, principal, {
    action,
    resource,
    sourceIp: request.ip,
    secure: request.protocol === 'https',
  });
}

/**
 * Managing one's own sign-in credentials (MFA devices, password) needs no policy in the console,
 * so a new user can protect their account before anyone grants them anything; an explicit Deny
 * still wins, as with AWS's "self-manage MFA" policy, which denies most actions until MFA is used.
 */
export async function mustNotBeDenied(
  c: Console,
  request: FastifyRequest,
  principal: Principal,
  action: string,
  resource: string,
): Promise<void> {
  const facts = { sourceIp: request.ip, secure: request.protocol === 'https' };
  const { decision } = await evaluateAccess(c.deps, principal, { action, resource, ...facts });
  if (decision === 'ExplicitDeny') await mustBeAllowed(c, request, principal, action, resource);
}

export async function isAllowed(
  c: Console,
  request: FastifyRequest,
  principal: Principal,
  action: string,
  resource: string,
): Promise<boolean> {
  try {
    await mustBeAllowed(c, request, principal, action, resource);
    return true;
  } catch (error) {
    if (error instanceof AccessDenied) return false;
    throw error;
  }
}

export async function signedInView(
  c: Console,
  request: FastifyRequest,
  session: ConsoleSession,
): Promise<SignedIn> {
  const principal = principalOf(c.deps, session);
  const csrf = csrfToken(session.token);
  const nav: Nav = {
    identity: session.user?.userName ?? 'root',
    accountId: c.deps.settings.accountId,
    csrf,
    showUsers: await isAllowed(c, request, principal, 'iam:ListUsers', '*'),
  };
  return { session, principal, csrf, nav };
}
