import type { ContextValue } from '../core/policy/index.js';
import type { Principal } from './principal.js';

/** What a request tells the policy engine beyond who sent it. */
export interface RequestFacts {
  sourceIp: string;
  secure: boolean;
}

/**
 * The global condition keys AWS sets for an IAM user's request. The MFA keys follow the
 * credentials: absent for long-term keys, "true" or "false" for STS sessions, and the age only
 * for sessions that proved MFA (IAM User Guide, "AWS global condition context keys").
 */
export function requestContextKeys(
  now: number,
  principal: Principal,
  facts: RequestFacts,
): Record<string, ContextValue | undefined> {
  const keys: Record<string, ContextValue | undefined> = {
    'aws:CurrentTime': isoSeconds(now),
    'aws:EpochTime': String(Math.floor(now / 1000)),
    'aws:SecureTransport': String(facts.secure),
    'aws:SourceIp': plainIp(facts.sourceIp),
    'aws:PrincipalArn': principal.arn,
    'aws:PrincipalAccount': principal.accountId,
    'aws:PrincipalType': principal.kind === 'root' ? 'Account' : 'User',
    'aws:userid': principal.userId,
    'aws:username': principal.user?.userName,
  };

  const session = principal.session;
  if (!session) return keys;

  keys['aws:MultiFactorAuthPresent'] = String(session.mfaAuthenticated);
  if (session.issuedAt !== undefined) keys['aws:TokenIssueTime'] = isoSeconds(session.issuedAt);
  if (session.mfaAuthenticatedAt !== null) {
    keys['aws:MultiFactorAuthAge'] = String(Math.floor((now - session.mfaAuthenticatedAt) / 1000));
  }
  return keys;
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Node reports IPv4 clients of a dual-stack socket as ::ffff:a.b.c.d; policies name a.b.c.d. */
function plainIp(ip: string): string {
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice('::ffff:'.length) : ip;
}
