import { describe, expect, it } from 'vitest';

import {
  evaluatePolicies,
  PolicyDocumentError,
  type Evaluation,
  type PolicyDocument,
} from '../../../src/core/policy/index.js';
import { ALICE_ARN, decide, policyOf } from './helpers.js';

const allowIam = policyOf({ Sid: 'AllowIam', Effect: 'Allow', Action: 'iam:*', Resource: '*' });
const denyCreateUser = policyOf({
  Sid: 'DenyCreateUser',
  Effect: 'Deny',
  Action: 'iam:CreateUser',
  Resource: '*',
});

function evaluate(policies: PolicyDocument[], action: string, resource = '*'): Evaluation {
  return evaluatePolicies(policies, { action, resource, keys: {} });
}

describe('evaluation order: explicit deny, then allow, else implicit deny', () => {
  const cases: [string, PolicyDocument[], string, Evaluation][] = [
    ['no policy at all', [], 'iam:ListUsers', { decision: 'ImplicitDeny' }],
    ['nothing allows it', [denyCreateUser], 'iam:ListUsers', { decision: 'ImplicitDeny' }],
    ['an allow', [allowIam], 'iam:ListUsers', { decision: 'Allow', matchedSid: 'AllowIam' }],
    [
      'a deny after an allow',
      [allowIam, denyCreateUser],
      'iam:CreateUser',
      { decision: 'ExplicitDeny', matchedSid: 'DenyCreateUser' },
    ],
    [
      'a deny before an allow',
      [denyCreateUser, allowIam],
      'iam:CreateUser',
      { decision: 'ExplicitDeny', matchedSid: 'DenyCreateUser' },
    ],
    [
      'a deny elsewhere',
      [allowIam, denyCreateUser],
      'iam:GetUser',
      { decision: 'Allow', matchedSid: 'AllowIam' },
    ],
    ['another service', [allowIam], 'sts:GetCallerIdentity', { decision: 'ImplicitDeny' }],
  ];

  for (const [title, policies, action, expected] of cases) {
    it(`${title}: ${action}`, () => {
      expect(evaluate(policies, action)).toEqual(expected);
    });
  }

  it('a deny in the same document wins over an allow listed before it', () => {
    const policy = policyOf(
      { Sid: 'Allow', Effect: 'Allow', Action: '*', Resource: '*' },
      { Sid: 'Deny', Effect: 'Deny', Action: 'iam:DeleteUser', Resource: '*' },
    );

    expect(evaluate([policy], 'iam:DeleteUser')).toEqual({
      decision: 'ExplicitDeny',
      matchedSid: 'Deny',
    });
  });

  it('a deny whose condition fails does not deny', () => {
    const denyWithoutMfa = policyOf({
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    });
    const keys = { 'aws:MultiFactorAuthPresent': 'true' };

    expect(decide([allowIam, denyWithoutMfa], 'iam:GetUser', '*', keys)).toBe('Allow');
    expect(decide([allowIam, denyWithoutMfa], 'iam:GetUser', '*', {})).toBe('ExplicitDeny');
  });

  it('reports no Sid when the deciding statement has none', () => {
    const policy = policyOf({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' });

    expect(evaluate([policy], 'iam:GetUser')).toEqual({ decision: 'Allow' });
  });
});

describe('Action and NotAction', () => {
  it('matches actions without regard to case', () => {
    const policy = policyOf({ Effect: 'Allow', Action: 'IAM:listusers', Resource: '*' });

    expect(decide([policy], 'iam:ListUsers', '*')).toBe('Allow');
  });

  it('covers every action with *, and a service with its prefix', () => {
    const everything = policyOf({ Effect: 'Allow', Action: '*', Resource: '*' });
    const lists = policyOf({ Effect: 'Allow', Action: ['iam:List*'], Resource: '*' });

    expect(decide([everything], 'sts:GetCallerIdentity', '*')).toBe('Allow');
    expect(decide([lists], 'iam:ListMFADevices', '*')).toBe('Allow');
    expect(decide([lists], 'iam:GetUser', '*')).toBe('ImplicitDeny');
  });

  it('applies a NotAction statement to every action it does not list', () => {
    const policy = policyOf({ Effect: 'Allow', NotAction: 'iam:CreateUser', Resource: '*' });

    expect(decide([policy], 'iam:ListUsers', '*')).toBe('Allow');
    expect(decide([policy], 'iam:CreateUser', '*')).toBe('ImplicitDeny');
  });
});

describe('Resource and NotResource', () => {
  it('matches resources with case', () => {
    const policy = policyOf({ Effect: 'Allow', Action: '*', Resource: ALICE_ARN });

    expect(decide([policy], 'iam:GetUser', ALICE_ARN)).toBe('Allow');
    expect(decide([policy], 'iam:GetUser', ALICE_ARN.replace('alice', 'Alice'))).toBe(
      'ImplicitDeny',
    );
  });

  it('matches nothing but "*" itself against an ARN pattern when the resource is "*"', () => {
    const policy = policyOf({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:iam::*:user/*' });

    expect(decide([policy], 'iam:ListUsers', '*')).toBe('ImplicitDeny');
  });

  it('applies a NotResource statement to every resource it does not list', () => {
    const policy = policyOf({ Effect: 'Deny', Action: '*', NotResource: ALICE_ARN });

    expect(decide([policy, allowIam], 'iam:GetUser', ALICE_ARN)).toBe('Allow');
    expect(decide([policy, allowIam], 'iam:GetUser', 'arn:aws:iam::1:user/bob')).toBe(
      'ExplicitDeny',
    );
  });
});

describe('policies that require MFA', () => {
  const iamWithMfa = policyOf({
    Effect: 'Allow',
    Action: 'iam:*',
    Resource: '*',
    Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  });
  const cases: [string, Record<string, string>, string][] = [
    ['long-term access key', {}, 'ImplicitDeny'],
    ['session without MFA', { 'aws:MultiFactorAuthPresent': 'false' }, 'ImplicitDeny'],
    ['session with MFA', { 'aws:MultiFactorAuthPresent': 'true' }, 'Allow'],
  ];

  for (const [title, keys, expected] of cases) {
    it(`iam:* only with Bool aws:MultiFactorAuthPresent true: ${title} -> ${expected}`, () => {
      expect(decide([iamWithMfa], 'iam:ListUsers', '*', keys)).toBe(expected);
    });
  }

  const recentMfa = policyOf({
    Effect: 'Allow',
    Action: 'iam:*',
    Resource: '*',
    Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
  });
  const ages: [string | undefined, string][] = [
    ['0', 'Allow'],
    ['3599', 'Allow'],
    ['3600', 'ImplicitDeny'],
    ['86400', 'ImplicitDeny'],
    [undefined, 'ImplicitDeny'],
  ];

  for (const [age, expected] of ages) {
    it(`NumericLessThan aws:MultiFactorAuthAge 3600: age ${age ?? 'absent'} -> ${expected}`, () => {
      const keys = { 'aws:MultiFactorAuthAge': age };
      expect(decide([recentMfa], 'iam:DeleteUser', '*', keys)).toBe(expected);
    });
  }
});

describe('documents not made by parsePolicyDocument', () => {
  it('are compiled and evaluated the same way', () => {
    const document: PolicyDocument = {
      version: '2012-10-17',
      statements: [
        {
          effect: 'Allow',
          actions: ['iam:GetUser'],
          resources: ['arn:aws:iam::*:user/${aws:username}'],
          conditions: [
            {
              operator: 'Bool',
              ifExists: false,
              key: 'aws:MultiFactorAuthPresent',
              values: ['true'],
            },
          ],
        },
      ],
    };
    const keys = { 'aws:username': 'alice', 'aws:MultiFactorAuthPresent': 'true' };

    expect(decide([document], 'iam:GetUser', ALICE_ARN, keys)).toBe('Allow');
    expect(decide([document], 'iam:GetUser', ALICE_ARN, { 'aws:username': 'alice' })).toBe(
      'ImplicitDeny',
    );
  });

  it('are validated too', () => {
    const document: PolicyDocument = {
      version: '2012-10-17',
      statements: [
        {
          effect: 'Allow',
          actions: ['*'],
          resources: ['*'],
          conditions: [{ operator: 'StringEqualz', ifExists: false, key: 'aws:x', values: ['1'] }],
        },
      ],
    };

    expect(() => decide([document], 'iam:GetUser', '*')).toThrow(PolicyDocumentError);
  });
});
