import { describe, expect, it } from 'vitest';

import type { Principal } from '../../src/domain/principal.js';
import { requestContextKeys } from '../../src/domain/request-context.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const alice: Principal = {
  kind: 'user',
  accountId: '123456789012',
  arn: 'arn:aws:iam::123456789012:user/alice',
  userId: 'AIDAEXAMPLEEXAMPLE00',
  user: {
    userId: 'AIDAEXAMPLEEXAMPLE00',
    userName: 'alice',
    path: '/',
    createdAt: 0,
    passwordLastUsed: null,
  },
  accessKeyId: 'AKIAEXAMPLEEXAMPLE00',
};
const facts = { sourceIp: '::ffff:10.1.2.3', secure: true };
const session = (mfaAuthenticatedAt: number | null): Principal => ({
  ...alice,
  session: {
    mfaAuthenticated: mfaAuthenticatedAt !== null,
    mfaAuthenticatedAt,
    expiresAt: NOW + 3_600_000,
    issuedAt: NOW - 90_000,
  },
});

/** The global condition keys (reference §7), by kind of credentials. */
describe('request context keys', () => {
  it('always: time, transport, source address and who the principal is', () => {
    expect(requestContextKeys(NOW, alice, facts)).toEqual({
      'aws:CurrentTime': '2026-01-01T12:00:00Z',
      'aws:EpochTime': String(NOW / 1000),
      'aws:SecureTransport': 'true',
      'aws:SourceIp': '10.1.2.3',
      'aws:PrincipalArn': alice.arn,
      'aws:PrincipalAccount': '123456789012',
      'aws:PrincipalType': 'User',
      'aws:userid': 'AIDAEXAMPLEEXAMPLE00',
      'aws:username': 'alice',
    });
  });

  const mfaCases: [string, Principal, Record<string, string | undefined>][] = [
    [
      'long-term key: no MFA keys at all',
      alice,
      { 'aws:MultiFactorAuthPresent': undefined, 'aws:MultiFactorAuthAge': undefined },
    ],
    [
      'session without MFA: present "false", no age',
      session(null),
      { 'aws:MultiFactorAuthPresent': 'false', 'aws:MultiFactorAuthAge': undefined },
    ],
    [
      'session with MFA: present "true", age in whole seconds from the clock',
      session(NOW - 90_500),
      { 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': '90' },
    ],
  ];
  for (const [title, principal, expected] of mfaCases) {
    it(title, () => {
      const keys = requestContextKeys(NOW, principal, facts);
      for (const [key, value] of Object.entries(expected)) expect(keys[key]).toBe(value);
    });
  }

  it('sessions carry aws:TokenIssueTime; the root user is an Account with no user name', () => {
    expect(requestContextKeys(NOW, session(null), facts)['aws:TokenIssueTime']).toBe(
      '2026-01-01T11:58:30Z',
    );
    const root: Principal = {
      kind: 'root',
      accountId: '123456789012',
      arn: 'arn:aws:iam::123456789012:root',
      userId: '123456789012',
      accessKeyId: 'AKIAROOT',
    };
    const keys = requestContextKeys(NOW, root, { sourceIp: '::1', secure: false });
    expect(keys).toMatchObject({ 'aws:PrincipalType': 'Account', 'aws:username': undefined });
    expect(keys['aws:SourceIp']).toBe('::1');
  });
});
