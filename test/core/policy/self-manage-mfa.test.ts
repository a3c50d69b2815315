import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { evaluatePolicies, parsePolicyDocument } from '../../../src/core/policy/index.js';

/**
 * AWS's example "IAM: Allows IAM users to self-manage an MFA device", as pasted into the
 * reference (section 7), with the decisions the reference derives for user alice.
 */
const json = readFileSync(
  new URL('../../vectors/policies/self-manage-mfa.json', import.meta.url),
  'utf8',
);
const policy = parsePolicyDocument(json);

const ACCOUNT = 'arn:aws:iam::123456789012';
const ALICE = `${ACCOUNT}:user/alice`;
const BOB = `${ACCOUNT}:user/bob`;
const ALICE_MFA = `${ACCOUNT}:mfa/alice`;

// How each kind of credential shows MFA in the request context (reference, section 7).
const sessions = {
  'long-term key': {},
  'MFA session': { 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': '42' },
  'non-MFA session': { 'aws:MultiFactorAuthPresent': 'false' },
} as const;

type Outcome = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/**
 * [action, resource, long-term key, MFA session]. A non-MFA session evaluates like the
 * long-term key: BoolIfExists false matches "false" as it matches an absent key. (AWS refuses
 * such a session with InvalidClientTokenId before evaluating anything; that is not the
 * engine's concern.)
 */
const table: [string, string, Outcome, Outcome][] = [
  ['iam:ListUsers', '*', 'Allow', 'Allow'],
  ['iam:ListVirtualMFADevices', '*', 'Allow', 'Allow'],
  ['iam:CreateVirtualMFADevice', ALICE_MFA, 'Allow', 'Allow'],
  ['iam:EnableMFADevice', ALICE, 'Allow', 'Allow'],
  ['iam:ResyncMFADevice', ALICE, 'Allow', 'Allow'],
  ['iam:ListMFADevices', ALICE, 'Allow', 'Allow'],
  ['iam:EnableMFADevice', BOB, 'ImplicitDeny', 'ImplicitDeny'],
  ['iam:GetMFADevice', ALICE, 'ExplicitDeny', 'Allow'],
  ['iam:DeactivateMFADevice', ALICE, 'ExplicitDeny', 'Allow'],
  ['iam:DeactivateMFADevice', BOB, 'ExplicitDeny', 'ImplicitDeny'],
  ['iam:DeleteVirtualMFADevice', ALICE_MFA, 'ExplicitDeny', 'ImplicitDeny'],
  ['iam:CreateUser', BOB, 'ExplicitDeny', 'ImplicitDeny'],
  ['iam:ChangePassword', ALICE, 'ExplicitDeny', 'ImplicitDeny'],
  ['sts:GetCallerIdentity', '*', 'ExplicitDeny', 'ImplicitDeny'],
];

describe('AWS example policy: IAM users self-manage an MFA device (user alice)', () => {
  for (const [action, resource, withoutMfa, withMfa] of table) {
    for (const [session, mfaKeys] of Object.entries(sessions)) {
      const expected = session === 'MFA session' ? withMfa : withoutMfa;

      it(`${action} on ${resource}, ${session}: ${expected}`, () => {
        const keys = { 'aws:username': 'alice', ...mfaKeys };

        expect(evaluatePolicies([policy], { action, resource, keys }).decision).toBe(expected);
      });
    }
  }

  it('names the deciding statement', () => {
    const keys = { 'aws:username': 'alice' };

    expect(
      evaluatePolicies([policy], { action: 'iam:GetMFADevice', resource: ALICE, keys }),
    ).toEqual({
      decision: 'ExplicitDeny',
      matchedSid: 'BlockMostAccessUnlessSignedInWithMFA',
    });
    expect(
      evaluatePolicies([policy], {
        action: 'iam:DeactivateMFADevice',
        resource: ALICE,
        keys: { ...keys, 'aws:MultiFactorAuthPresent': 'true' },
      }),
    ).toEqual({
      decision: 'Allow',
      matchedSid: 'AllowUserToDeactivateTheirOwnMFAOnlyWhenUsingMFA',
    });
  });

  it('denies even alice her own user when aws:username is missing from the context', () => {
    const keys = { 'aws:MultiFactorAuthPresent': 'true' };

    expect(
      evaluatePolicies([policy], { action: 'iam:EnableMFADevice', resource: ALICE, keys }),
    ).toEqual({
      decision: 'ImplicitDeny',
    });
  });
});
