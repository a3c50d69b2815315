import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { authorize, evaluateAccess } from '../../src/domain/authorization.js';
import { attachPolicy } from '../../src/domain/policies/attachments.js';
import { addUserToGroup, createGroup } from '../../src/domain/policies/groups.js';
import { putInlinePolicy } from '../../src/domain/policies/inline.js';
import { createPolicy } from '../../src/domain/policies/managed.js';
import {
  setDefaultPolicyVersion,
  createPolicyVersion,
} from '../../src/domain/policies/versions.js';
import type { Principal } from '../../src/domain/principal.js';
import type { User } from '../../src/domain/types.js';
import { createUser } from '../../src/domain/users.js';
import { testDeps, type TestDeps } from '../support/deps.js';

const ACCOUNT = '123456789012';
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const BOB = `arn:aws:iam::${ACCOUNT}:user/bob`;
const MINUTE = 60_000;

type Credentials = 'long-term key' | 'MFA session' | 'stale MFA session' | 'non-MFA session';
type Where = 'user inline' | 'user managed' | 'group inline' | 'group managed';
type Statement = Record<string, unknown>;

interface Row {
  title: string;
  policies: [Where, ...Statement[]][];
  credentials?: Credentials;
  action?: string;
  resource?: string;
  request?: { sourceIp?: string; secure?: boolean };
  expected: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
}

const allow = (action: string, resource = '*', condition?: object): Statement => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
  ...(condition && { Condition: condition }),
});
const deny = (action: string, resource = '*'): Statement => ({
  Effect: 'Deny',
  Action: action,
  Resource: resource,
});
const mfaPresent = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
const freshMfa = { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } };

/**
 * Identity-policy evaluation for an IAM user, from where policies live to what the request
 * context holds. Explicit deny wins over allow, allow over the implicit default deny.
 */
const table: Row[] = [
  { title: 'no policy at all', policies: [], expected: 'ImplicitDeny' },
  {
    title: 'an inline allow',
    policies: [['user inline', allow('iam:ListUsers')]],
    expected: 'Allow',
  },
  {
    title: 'an allow for another action',
    policies: [['user inline', allow('iam:GetUser')]],
    expected: 'ImplicitDeny',
  },
  {
    title: "a group's managed policy allows",
    policies: [['group managed', allow('iam:List*')]],
    expected: 'Allow',
  },
  {
    title: "a deny in a group's inline policy beats the user's allow",
    policies: [
      ['user managed', allow('iam:*')],
      ['group inline', deny('iam:ListUsers')],
    ],
    expected: 'ExplicitDeny',
  },
  {
    title: 'a deny for another action leaves the allow standing',
    policies: [
      ['user inline', allow('iam:*')],
      ['group managed', deny('iam:DeleteUser')],
    ],
    expected: 'Allow',
  },
  {
    title: 'MFA required: long-term key',
    policies: [['user inline', allow('iam:*', '*', mfaPresent)]],
    expected: 'ImplicitDeny',
  },
  {
    title: 'MFA required: MFA session',
    policies: [['user inline', allow('iam:*', '*', mfaPresent)]],
    credentials: 'MFA session',
    expected: 'Allow',
  },
  {
    title: 'MFA required: session without MFA',
    policies: [['user inline', allow('iam:*', '*', mfaPresent)]],
    credentials: 'non-MFA session',
    expected: 'ImplicitDeny',
  },
  {
    title: 'MFA younger than an hour: fresh session',
    policies: [['user inline', allow('iam:*', '*', freshMfa)]],
    credentials: 'MFA session',
    expected: 'Allow',
  },
  {
    title: 'MFA younger than an hour: session whose MFA is two hours old',
    policies: [['user inline', allow('iam:*', '*', freshMfa)]],
    credentials: 'stale MFA session',
    expected: 'ImplicitDeny',
  },
  {
    title: 'MFA younger than an hour: long-term key (no age at all)',
    policies: [['user inline', allow('iam:*', '*', freshMfa)]],
    expected: 'ImplicitDeny',
  },
  {
    title: '${aws:username} in a resource: own user',
    policies: [['user inline', allow('iam:GetUser', 'arn:aws:iam::*:user/${aws:username}')]],
    action: 'iam:GetUser',
    resource: ALICE,
    expected: 'Allow',
  },
  {
    title: '${aws:username} in a resource: someone else',
    policies: [['user inline', allow('iam:GetUser', 'arn:aws:iam::*:user/${aws:username}')]],
    action: 'iam:GetUser',
    resource: BOB,
    expected: 'ImplicitDeny',
  },
  {
    title: 'aws:PrincipalArn and aws:username are set',
    policies: [
      [
        'user inline',
        allow('iam:*', '*', {
          StringEquals: { 'aws:PrincipalArn': ALICE, 'aws:username': 'alice' },
        }),
      ],
    ],
    expected: 'Allow',
  },
  {
    title: 'aws:SourceIp from an IPv4-mapped loopback address',
    policies: [
      ['user inline', allow('iam:*', '*', { IpAddress: { 'aws:SourceIp': '127.0.0.0/8' } })],
    ],
    request: { sourceIp: '::ffff:127.0.0.1' },
    expected: 'Allow',
  },
  {
    title: 'aws:SecureTransport false over plain HTTP',
    policies: [['user inline', allow('iam:*', '*', { Bool: { 'aws:SecureTransport': 'true' } })]],
    expected: 'ImplicitDeny',
  },
  {
    title: 'aws:CurrentTime before a cut-off',
    policies: [
      [
        'user inline',
        allow('iam:*', '*', { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } }),
      ],
    ],
    expected: 'Allow',
  },
  {
    title: 'aws:CurrentTime after a start that has not come',
    policies: [
      [
        'user inline',
        allow('iam:*', '*', { DateGreaterThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } }),
      ],
    ],
    expected: 'ImplicitDeny',
  },
  {
    title: 'Null: aws:TokenIssueTime is absent for long-term keys',
    policies: [['user inline', allow('iam:*', '*', { Null: { 'aws:TokenIssueTime': 'true' } })]],
    expected: 'Allow',
  },
];

describe('authorization of an IAM user', () => {
  let deps: TestDeps;
  let user: User;
  let counter = 0;

  beforeEach(async () => {
    deps = await testDeps();
    user = await createUser(deps, { userName: 'alice', path: '/', tags: [] });
    await createGroup(deps, { groupName: 'Team', path: '/' });
    await addUserToGroup(deps, { groupName: 'Team', userName: 'alice' });
  });

  afterEach(async () => {
    await deps.store.close();
  });

  function principal(credentials: Credentials = 'long-term key'): Principal {
    const base: Principal = {
      kind: 'user',
      accountId: ACCOUNT,
      arn: ALICE,
      userId: user.userId,
      user,
      accessKeyId: 'AKIAEXAMPLEEXAMPLE00',
    };
    if (credentials === 'long-term key') return base;

    const now = deps.clock();
    const mfaAt = { 'MFA session': now - 10 * MINUTE, 'stale MFA session': now - 120 * MINUTE };
    const at = credentials === 'non-MFA session' ? null : mfaAt[credentials];
    const session = { mfaAuthenticated: at !== null, mfaAuthenticatedAt: at, expiresAt: now + 1 };
    return { ...base, session: { ...session, issuedAt: at ?? now } };
  }

  async function place(where: Where, statements: Statement[]): Promise<void> {
    const document = JSON.stringify({ Version: '2012-10-17', Statement: statements });
    const policyName = `P${++counter}`;
    const holder = where.startsWith('user')
      ? ({ kind: 'user', name: 'alice' } as const)
      : ({ kind: 'group', name: 'Team' } as const);

    if (where.endsWith('inline')) {
      await putInlinePolicy(deps, holder, { policyName, document });
      return;
    }
    const policy = await createPolicy(deps, { policyName, path: '/', document, tags: [] });
    await attachPolicy(deps, holder, policy.arn);
  }

  for (const row of table) {
    it(`${row.title}: ${row.expected}`, async () => {
      for (const [where, ...statements] of row.policies) await place(where, statements);

      const evaluation = await evaluateAccess(deps, principal(row.credentials), {
        action: row.action ?? 'iam:ListUsers',
        resource: row.resource ?? '*',
        sourceIp: row.request?.sourceIp ?? '127.0.0.1',
        secure: row.request?.secure ?? false,
      });
      expect(evaluation.decision).toBe(row.expected);
    });
  }

  it('the root user is allowed everything, with no policy at all', async () => {
    const root: Principal = {
      kind: 'root',
      accountId: ACCOUNT,
      arn: `arn:aws:iam::${ACCOUNT}:root`,
      userId: ACCOUNT,
      accessKeyId: 'AKIAROOTROOTROOTROOT',
    };
    const request = { action: 'iam:DeleteUser', resource: BOB, sourceIp: '::1', secure: false };
    await expect(authorize(deps, root, request)).resolves.toBeUndefined();
  });

  it('refusals are AccessDenied in AWS words: user, action, resource, reason', async () => {
    await place('user inline', [allow('iam:*'), deny('iam:DeleteUser')]);
    const request = { action: 'iam:DeleteUser', resource: BOB, sourceIp: '::1', secure: false };

    await expect(authorize(deps, principal(), request)).rejects.toMatchObject({
      code: 'AccessDenied',
      status: 403,
      message:
        `User: ${ALICE} is not authorized to perform: iam:DeleteUser on resource: ${BOB} ` +
        'with an explicit deny in an identity-based policy',
    });

    const other = { ...request, action: 's3:GetObject', resource: '*' };
    await expect(authorize(deps, principal(), other)).rejects.toMatchObject({
      message:
        `User: ${ALICE} is not authorized to perform: s3:GetObject on resource: * ` +
        'because no identity-based policy allows the s3:GetObject action',
    });
  });

  it('AWS-managed policies apply as shipped (IAMUserChangePassword)', async () => {
    await attachPolicy(
      deps,
      { kind: 'user', name: 'alice' },
      'arn:aws:iam::aws:policy/IAMUserChangePassword',
    );
    const change = (resource: string) =>
      evaluateAccess(deps, principal(), {
        action: 'iam:ChangePassword',
        resource,
        sourceIp: '::1',
        secure: true,
      });

    expect((await change(ALICE)).decision).toBe('Allow');
    expect((await change(BOB)).decision).toBe('ImplicitDeny');
  });

  it('a new default version and a replaced inline policy apply at once', async () => {
    const document = (action: string) =>
      JSON.stringify({ Version: '2012-10-17', Statement: [allow(action)] });
    const policy = await createPolicy(deps, {
      policyName: 'Versions',
      path: '/',
      document: document('iam:GetUser'),
      tags: [],
    });
    await attachPolicy(deps, { kind: 'user', name: 'alice' }, policy.arn);
    const decide = async (action: string) =>
      (
        await evaluateAccess(deps, principal(), {
          action,
          resource: '*',
          sourceIp: '::1',
          secure: false,
        })
      ).decision;
    expect(await decide('iam:ListUsers')).toBe('ImplicitDeny');

    const policyArn = policy.arn;
    await createPolicyVersion(deps, {
      policyArn,
      document: document('iam:ListUsers'),
      setAsDefault: false,
    });
    expect(await decide('iam:ListUsers')).toBe('ImplicitDeny');
    await setDefaultPolicyVersion(deps, { policyArn, versionId: 'v2' });
    expect(await decide('iam:ListUsers')).toBe('Allow');

    const alice = { kind: 'user', name: 'alice' } as const;
    await putInlinePolicy(deps, alice, { policyName: 'Own', document: document('iam:ListGroups') });
    expect(await decide('iam:ListGroups')).toBe('Allow');
    await putInlinePolicy(deps, alice, { policyName: 'Own', document: document('iam:ListRoles') });
    expect(await decide('iam:ListGroups')).toBe('ImplicitDeny');
  });
});
