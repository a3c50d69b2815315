import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { putInlinePolicy } from '../../src/domain/policies/inline.js';
import { consoleHarness, PASSWORD, type ConsoleHarness } from './harness.js';

const LIST_USERS_WITH_MFA = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['iam:ListUsers', 'iam:GetUser'],
      Resource: '*',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
  ],
});

const DENY_NEW_DEVICES = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: 'iam:CreateVirtualMFADevice', Resource: '*' }],
});

describe('the console honours the same policies as the API', () => {
  let h: ConsoleHarness;

  beforeEach(async () => {
    h = await consoleHarness();
  });

  afterEach(async () => {
    await h.close();
  });

  async function allow(userName: string, document: string): Promise<void> {
    await putInlinePolicy(h.deps, { kind: 'user', name: userName }, { policyName: 'p', document });
  }

  it('a sign-in with MFA sets aws:MultiFactorAuthPresent, one without does not', async () => {
    const seed = (await h.alice({ mfa: true }))!;
    await h.alice({ name: 'Bob' });
    await allow('Alice', LIST_USERS_WITH_MFA);
    await allow('Bob', LIST_USERS_WITH_MFA);

    const alice = h.browser();
    await alice.signIn(h.accountId, 'Alice', PASSWORD);
    await alice.get('/console/mfa');
    await alice.post('/console/mfa', { code: h.code(seed) });
    expect((await alice.get('/console/home')).body).toContain('href="/console/users"');
    const list = await alice.get('/console/users');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('href="/console/users/Bob">Bob</a>');

    const bob = h.browser();
    await bob.signIn(h.accountId, 'Bob', PASSWORD);
    expect((await bob.get('/console/users')).statusCode).toBe(403);
  });

  it('an explicit Deny stops self-service too', async () => {
    await h.alice();
    await allow('Alice', DENY_NEW_DEVICES);
    const alice = h.browser();
    await alice.signIn(h.accountId, 'Alice', PASSWORD);
    await alice.get('/console/security-credentials/mfa/assign');

    const answer = await alice.post('/console/security-credentials/mfa/assign', { name: 'phone' });
    expect(answer.statusCode).toBe(403);
    expect(answer.body).toContain('iam:CreateVirtualMFADevice');
    expect(answer.body).toContain('explicit deny');
    expect(
      await h.deps.store.mfaDevices.find(`arn:aws:iam::${h.accountId}:mfa/phone`),
    ).toBeUndefined();
  });
});
