import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { wrongCode } from '../support/qr.js';
import { consoleHarness, PASSWORD, type Browser, type ConsoleHarness } from './harness.js';

describe('console MFA prompt', () => {
  let h: ConsoleHarness;
  let seed: string;

  beforeEach(async () => {
    h = await consoleHarness();
    seed = (await h.alice({ mfa: true }))!;
  });

  afterEach(async () => {
    await h.close();
  });

  async function passwordStep(): Promise<Browser> {
    const browser = h.browser();
    const answer = await browser.signIn(h.accountId, 'Alice', PASSWORD);
    expect(answer.headers.location).toBe('/console/mfa');
    const prompt = await browser.get('/console/mfa');
    expect(prompt.body).toMatch(/<label for="f-code">MFA code<\/label>/);
    return browser;
  }

  it('invariant: no session before the MFA code opens any page or the API', async () => {
    const browser = await passwordStep();
    const pages = [
      '/console/home',
      '/console/security-credentials',
      '/console/security-credentials/mfa/assign',
      '/console/password',
      '/console/users',
      '/console/users/Alice',
    ];
    for (const page of pages) {
      const answer = await browser.get(page);
      expect(answer.statusCode, page).toBe(303);
      expect(answer.headers.location, page).toBe('/console/mfa');
    }

    const csrf = browser.csrf();
    const change = await browser.post(
      '/console/password',
      { current: PASSWORD, new: 'Another-Pass-8', confirm: 'Another-Pass-8' },
      { csrf },
    );
    expect(change.headers.location).toBe('/console/mfa');
    const created = await browser.post('/console/users', { username: 'Mallory' }, { csrf });
    expect(created.headers.location).toBe('/console/mfa');
    expect(await h.deps.store.users.findByName('Mallory')).toBeUndefined();

    const api = await h.app.inject({
      method: 'GET',
      url: '/?Action=ListUsers&Version=2010-05-08',
      headers: { cookie: `tessera_session=${browser.cookies.get('tessera_session')}` },
    });
    expect(api.statusCode).toBeGreaterThanOrEqual(400);
    expect(api.body).not.toContain('<UserName>Alice</UserName>');
  });

  it('the cookie is replaced after the password and after the code (no fixation)', async () => {
    const browser = h.browser();
    await browser.signIn(h.accountId, 'Alice', PASSWORD);
    const afterPassword = browser.cookies.get('tessera_session')!;
    await browser.get('/console/mfa');

    const answer = await browser.post('/console/mfa', { code: h.code(seed) });
    expect(answer.headers.location).toBe('/console/home');
    const afterCode = browser.cookies.get('tessera_session')!;
    expect(afterCode).not.toBe(afterPassword);

    const old = h.browser();
    old.cookies.set('tessera_session', afterPassword);
    expect((await old.get('/console/mfa')).headers.location).toBe('/console/signin');
    expect((await old.get('/console/home')).headers.location).toBe('/console/signin');
    expect((await browser.get('/console/home')).statusCode).toBe(200);
  });

  it('a wrong code is denied with a clear message; the right one signs in', async () => {
    const browser = await passwordStep();
    const wrong = await browser.post('/console/mfa', { code: wrongCode(seed, h.deps.clock()) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('The MFA code is not valid.');
    expect(wrong.body).toContain('href="/console/mfa/resync"');

    const right = await browser.post('/console/mfa', { code: h.code(seed) });
    expect(right.headers.location).toBe('/console/home');
    expect((await browser.get('/console/home')).body).toMatch(
      /MFA used at sign-in<\/dt>\s*<dd>Yes/,
    );

    expect(h.events).toContainEqual(
      expect.objectContaining({ event: 'signin.failed', reason: 'wrong-code', mfaUsed: true }),
    );
    expect(h.events).toContainEqual(
      expect.objectContaining({ event: 'signin.succeeded', userName: 'Alice', mfaUsed: true }),
    );
    expect(JSON.stringify(h.events)).not.toContain(h.code(seed));
  });

  it('invariant: a code accepted once is refused on reuse, from another browser', async () => {
    const code = h.code(seed);
    const first = await passwordStep();
    expect((await first.post('/console/mfa', { code })).headers.location).toBe('/console/home');

    const second = await passwordStep();
    const again = await second.post('/console/mfa', { code });
    expect(again.statusCode).toBe(401);
    expect(again.body).toContain('already been used');
    expect((await second.get('/console/home')).headers.location).toBe('/console/mfa');
  });

  it('invariant: a burst of wrong codes locks the device; a right one then waits', async () => {
    const browser = await passwordStep();
    const { maxFailedAttempts } = h.deps.settings.mfa;
    for (let i = 0; i < maxFailedAttempts; i++) {
      const answer = await browser.post('/console/mfa', { code: wrongCode(seed, h.deps.clock()) });
      expect(answer.statusCode).toBe(401);
    }

    const locked = await browser.post('/console/mfa', { code: h.code(seed) });
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('this MFA device is locked until');
    expect(h.events).toContainEqual(
      expect.objectContaining({ event: 'signin.failed', reason: 'device-locked' }),
    );

    h.deps.clock.advance(h.deps.settings.mfa.lockoutBaseSeconds * 1000 + 1000);
    const fresh = await passwordStep();
    expect((await fresh.post('/console/mfa', { code: h.code(seed) })).headers.location).toBe(
      '/console/home',
    );
  });

  it('a malformed code is refused without spending an attempt', async () => {
    const browser = await passwordStep();
    const answer = await browser.post('/console/mfa', { code: '12ab' });
    expect(answer.statusCode).toBe(400);
    const device = (
      await h.deps.store.mfaDevices.listForUser(
        (await h.deps.store.users.findByName('Alice'))!.userId,
        { limit: 1 },
      )
    )[0]!;
    expect(device.failedAttempts).toBe(0);
  });

  it('a device that drifted is offered resync, and signs in afterwards', async () => {
    const browser = await passwordStep();
    const drifted = await browser.post('/console/mfa', { code: h.code(seed, 4) });
    expect(drifted.statusCode).toBe(401);

    const form = await browser.get('/console/mfa/resync');
    expect(form.body).toContain('>MFA code 1</label>');
    expect(form.body).toContain('>MFA code 2</label>');
    const resynced = await browser.post('/console/mfa/resync', {
      code1: h.code(seed, 5),
      code2: h.code(seed, 6),
    });
    expect(resynced.headers.location).toBe('/console/mfa?notice=resynced');
    expect((await browser.get('/console/mfa?notice=resynced')).body).toContain('resynchronized');

    const signedIn = await browser.post('/console/mfa', { code: h.code(seed, 7) });
    expect(signedIn.headers.location).toBe('/console/home');
  });

  it('the prompt expires: a password-verified session lives minutes, not hours', async () => {
    const browser = await passwordStep();
    h.deps.clock.advance(6 * 60_000);
    expect((await browser.get('/console/mfa')).headers.location).toBe('/console/signin');
  });
});
