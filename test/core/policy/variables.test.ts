import { describe, expect, it } from 'vitest';

import { parsePolicyDocument, PolicyDocumentError } from '../../../src/core/policy/index.js';
import { ACCOUNT, ALICE_ARN, decide, policyOf } from './helpers.js';

const BOB_ARN = `arn:aws:iam::${ACCOUNT}:user/bob`;
const ownUser = policyOf({
  Effect: 'Allow',
  Action: 'iam:GetUser',
  Resource: 'arn:aws:iam::*:user/${aws:username}',
});

describe('policy variables in Resource', () => {
  it('expands ${aws:username} from the request context', () => {
    const keys = { 'aws:username': 'alice' };

    expect(decide([ownUser], 'iam:GetUser', ALICE_ARN, keys)).toBe('Allow');
    expect(decide([ownUser], 'iam:GetUser', BOB_ARN, keys)).toBe('ImplicitDeny');
  });

  it('matches nothing when the key is absent', () => {
    expect(decide([ownUser], 'iam:GetUser', ALICE_ARN, {})).toBe('ImplicitDeny');
  });

  it('looks the key up without regard to case', () => {
    const policy = policyOf({
      Effect: 'Allow',
      Action: 'iam:GetUser',
      Resource: 'arn:aws:iam::*:user/${AWS:UserName}',
    });

    expect(decide([policy], 'iam:GetUser', ALICE_ARN, { 'aws:username': 'alice' })).toBe('Allow');
  });

  it('treats the expanded value literally, never as a wildcard or regex', () => {
    expect(decide([ownUser], 'iam:GetUser', BOB_ARN, { 'aws:username': '*' })).toBe('ImplicitDeny');
    expect(decide([ownUser], 'iam:GetUser', BOB_ARN, { 'aws:username': 'b.b' })).toBe(
      'ImplicitDeny',
    );
    expect(decide([ownUser], 'iam:GetUser', BOB_ARN, { 'aws:username': 'b?b' })).toBe(
      'ImplicitDeny',
    );
  });

  it('has no single expansion for a multivalued key', () => {
    const keys = { 'aws:username': ['alice', 'bob'] };

    expect(decide([ownUser], 'iam:GetUser', ALICE_ARN, keys)).toBe('ImplicitDeny');
  });

  it('uses the default value when the key is absent', () => {
    const policy = policyOf({
      Effect: 'Allow',
      Action: 'iam:GetUser',
      Resource: "arn:aws:iam::*:user/${aws:PrincipalTag/team, 'shared'}/*",
    });
    const shared = `arn:aws:iam::${ACCOUNT}:user/shared/carol`;

    expect(decide([policy], 'iam:GetUser', shared, {})).toBe('Allow');
    expect(decide([policy], 'iam:GetUser', shared, { 'aws:PrincipalTag/team': 'ops' })).toBe(
      'ImplicitDeny',
    );
  });

  it('excludes nothing from a NotResource whose variable is absent', () => {
    const policy = policyOf({
      Effect: 'Deny',
      Action: 'iam:DeleteUser',
      NotResource: 'arn:aws:iam::*:user/${aws:username}',
    });

    expect(decide([policy], 'iam:DeleteUser', ALICE_ARN, { 'aws:username': 'alice' })).toBe(
      'ImplicitDeny',
    );
    expect(decide([policy], 'iam:DeleteUser', ALICE_ARN, {})).toBe('ExplicitDeny');
  });
});

describe('policy variables in conditions', () => {
  function allowWhen(condition: object): ReturnType<typeof policyOf> {
    return policyOf({
      Effect: 'Allow',
      Action: 'iam:GetUser',
      Resource: '*',
      Condition: condition,
    });
  }

  it('expands ${aws:userid} in StringEquals', () => {
    const policy = allowWhen({ StringEquals: { 'iam:ResourceTag/owner': '${aws:userid}' } });
    const keys = { 'aws:userid': 'AIDAALICE', 'iam:ResourceTag/owner': 'AIDAALICE' };

    expect(decide([policy], 'iam:GetUser', '*', keys)).toBe('Allow');
    expect(decide([policy], 'iam:GetUser', '*', { ...keys, 'aws:userid': 'AIDABOB' })).toBe(
      'ImplicitDeny',
    );
  });

  it('expands ${aws:PrincipalArn} in ArnEquals', () => {
    const policy = allowWhen({ ArnEquals: { 'iam:AssociatedResourceArn': '${aws:PrincipalArn}' } });
    const keys = { 'aws:PrincipalArn': ALICE_ARN, 'iam:AssociatedResourceArn': ALICE_ARN };

    expect(decide([policy], 'iam:GetUser', '*', keys)).toBe('Allow');
  });

  it('makes a value with an absent variable match nothing, so its negation holds', () => {
    const equals = allowWhen({ StringEquals: { 'aws:username': '${aws:PrincipalTag/x}' } });
    const notEquals = allowWhen({ StringNotEquals: { 'aws:username': '${aws:PrincipalTag/x}' } });
    const keys = { 'aws:username': 'alice' };

    expect(decide([equals], 'iam:GetUser', '*', keys)).toBe('ImplicitDeny');
    expect(decide([notEquals], 'iam:GetUser', '*', keys)).toBe('Allow');
  });

  it('turns ${*}, ${?} and ${$} into literal characters', () => {
    const policy = allowWhen({
      StringLike: { 'iam:ResourceTag/name': ['report${*}', 'file${?}', 'price${$}'] },
    });
    const tag = (name: string): Record<string, string> => ({ 'iam:ResourceTag/name': name });

    expect(decide([policy], 'iam:GetUser', '*', tag('report*'))).toBe('Allow');
    expect(decide([policy], 'iam:GetUser', '*', tag('report1'))).toBe('ImplicitDeny');
    expect(decide([policy], 'iam:GetUser', '*', tag('file?'))).toBe('Allow');
    expect(decide([policy], 'iam:GetUser', '*', tag('file1'))).toBe('ImplicitDeny');
    expect(decide([policy], 'iam:GetUser', '*', tag('price$'))).toBe('Allow');
  });

  it('is not expanded by operators that compare numbers, so such a value is malformed', () => {
    expect(() => allowWhen({ NumericLessThan: { 'aws:MultiFactorAuthAge': '${aws:x}' } })).toThrow(
      PolicyDocumentError,
    );
  });
});

describe('documents older than 2012-10-17', () => {
  const resource = 'arn:aws:iam::*:user/${aws:username}';
  const literal = `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`;

  for (const version of ['2008-10-17', undefined]) {
    it(`leave \${...} as plain text (Version ${version ?? 'absent'})`, () => {
      const policy = parsePolicyDocument(
        JSON.stringify({
          Version: version,
          Statement: { Effect: 'Allow', Action: 'iam:GetUser', Resource: resource },
        }),
      );
      const keys = { 'aws:username': 'alice' };

      expect(policy.version).toBe('2008-10-17');
      expect(decide([policy], 'iam:GetUser', ALICE_ARN, keys)).toBe('ImplicitDeny');
      expect(decide([policy], 'iam:GetUser', literal, keys)).toBe('Allow');
    });
  }
});
