import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { recordConsoleLogin } from '../../src/domain/audit/console-login.js';
import type { AuditEvent } from '../../src/domain/audit/event.js';
import { consoleHarness, PASSWORD, ROOT_PASSWORD, type ConsoleHarness } from './harness.js';

/** Console sign-ins in the audit trail, as CloudTrail's ConsoleLogin events. */
describe('ConsoleLogin events', () => {
  let h: ConsoleHarness;

  beforeEach(async () => {
    h = await consoleHarness();
  });

  afterEach(async () => {
    await h.close();
  });

  async function logins(): Promise<AuditEvent[]> {
    return h.deps.store.audit.list({ eventName: 'ConsoleLogin', limit: 1000 });
  }

  it('a sign-in with the password alone: Success, MFAUsed No', async () => {
    await h.alice();
    await h.browser().signIn(h.accountId, 'Alice', PASSWORD);

    const [event] = await logins();
    expect(event).toMatchObject({
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      eventType: 'AwsConsoleSignIn',
      userIdentity: {
        type: 'IAMUser',
        principalId: expect.stringMatching(/^AIDA/),
        arn: `arn:aws:iam::${h.accountId}:user/Alice`,
        accountId: h.accountId,
        userName: 'Alice',
      },
      requestParameters: null,
      responseElements: { ConsoleLogin: 'Success' },
      additionalEventData: { MFAUsed: 'No' },
      recipientAccountId: h.accountId,
    });
    expect(event!.errorMessage).toBeUndefined();
  });

  it('with MFA: a wrong code fails, the right one succeeds, both MFAUsed Yes', async () => {
    const seed = (await h.alice({ mfa: true }))!;
    const browser = h.browser();
    await browser.signIn(h.accountId, 'Alice', PASSWORD);
    expect(await logins()).toEqual([]);

    await browser.get('/console/mfa');
    await browser.post('/console/mfa', { code: '000000' });
    await browser.post('/console/mfa', { code: h.code(seed) });

    const events = await logins();
    expect(events.map((e) => [e.responseElements, e.additionalEventData?.MFAUsed])).toEqual([
      [{ ConsoleLogin: 'Failure' }, 'Yes'],
      [{ ConsoleLogin: 'Success' }, 'Yes'],
    ]);
    expect(events[0]!.errorMessage).toBe('Failed authentication');
  });

  it('a wrong password names a real user; an unknown name is hidden', async () => {
    await h.alice();
    await h.browser().signIn(h.accountId, 'Alice', 'wrong-password');
    await h.browser().signIn(h.accountId, PASSWORD, PASSWORD);

    const [wrong, unknown] = await logins();
    expect(wrong).toMatchObject({
      userIdentity: { type: 'IAMUser', userName: 'Alice' },
      responseElements: { ConsoleLogin: 'Failure' },
      errorMessage: 'Failed authentication',
    });
    expect(unknown!.userIdentity).toEqual({
      type: 'IAMUser',
      accountId: h.accountId,
      userName: 'HIDDEN_DUE_TO_SECURITY_REASONS',
    });
  });

  it('the root user: failure, then success', async () => {
    const root = h.browser();
    await root.get('/console/signin/root');
    await root.post('/console/signin/root', { account: h.accountId, password: 'nope' });
    await root.post('/console/signin/root', { account: h.accountId, password: ROOT_PASSWORD });

    const events = await logins();
    expect(events.map((e) => [e.userIdentity.type, e.responseElements])).toEqual([
      ['Root', { ConsoleLogin: 'Failure' }],
      ['Root', { ConsoleLogin: 'Success' }],
    ]);
    expect(events[1]!.userIdentity.arn).toBe(`arn:aws:iam::${h.accountId}:root`);
  });

  it('invariant: no ConsoleLogin event holds a password or a code', async () => {
    const seed = (await h.alice({ mfa: true }))!;
    const browser = h.browser();
    await browser.signIn(h.accountId, 'Alice', PASSWORD);
    await browser.get('/console/mfa');
    const code = h.code(seed);
    await browser.post('/console/mfa', { code });
    await h.browser().signIn(h.accountId, 'Alice', `${PASSWORD}x`);

    const trail = JSON.stringify(await h.deps.store.audit.list({ limit: 1000 }));
    expect(trail).not.toContain(PASSWORD);
    expect(trail).not.toContain(`"${code}"`);
  });

  it('recordConsoleLogin writes through the store it is given', async () => {
    await h.deps.store.transaction(async (store) => {
      const deps = { ...h.deps, store };
      await recordConsoleLogin(deps, {
        user: null,
        success: true,
        mfaUsed: true,
        sourceIp: '192.0.2.1',
        userAgent: 'test',
        requestId: 'req-1',
      });
    });
    expect(await logins()).toEqual([
      expect.objectContaining({ requestID: 'req-1', sourceIPAddress: '192.0.2.1' }),
    ]);
  });
});
