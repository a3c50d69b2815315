import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { sha256Hex } from '../../src/core/crypto/index.js';
import type { KyselyStore } from '../../src/storage/kysely-store.js';
import {
  consoleHarness,
  PASSWORD,
  ROOT_PASSWORD,
  setCookies,
  type ConsoleHarness,
} from './harness.js';

describe('console sign-in', () => {
  let h: ConsoleHarness;

  beforeEach(async () => {
    h = await consoleHarness();
  });

  afterEach(async () => {
    await h.close();
  });

  it("GET / leads a browser to sign-in; an API request is never the console's", async () => {
    const root = await h.app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/console/signin');

    const api = await h.app.inject({ method: 'GET', url: '/?Action=ListUsers&Version=2010-05-08' });
    expect(api.headers['content-type']).toContain('text/xml');

    const page = await h.browser().get('/console/signin');
    expect(page.statusCode).toBe(200);
    for (const label of ['Account ID', 'IAM user name', 'Password']) {
      expect(page.body).toMatch(new RegExp(`<label for="[^"]+">${label}</label>`));
    }
    expect(page.body).toContain('>Sign in</button>');
  });

  it('a user without MFA signs in with the password alone, and the event says so', async () => {
    await h.alice();
    const browser = h.browser();
    const answer = await browser.signIn(h.accountId, 'Alice', PASSWORD);
    expect(answer.statusCode).toBe(303);
    expect(answer.headers.location).toBe('/console/home');

    const home = await browser.get('/console/home');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`arn:aws:iam::${h.accountId}:user/Alice`);
    expect(h.events).toContainEqual(
      expect.objectContaining({ event: 'signin.succeeded', userName: 'Alice', mfaUsed: false }),
    );
    const user = await h.deps.store.users.findByName('Alice');
    expect(user?.passwordLastUsed).toBe(h.deps.clock());
  });

  it('the session cookie is HttpOnly, SameSite=Strict, Path=/; only a hash is kept', async () => {
    await h.alice();
    const answer = await h.browser().signIn(h.accountId, 'Alice', PASSWORD);
    const cookie = setCookies(answer).find((c) => c.startsWith('tessera_session='))!;
    expect(cookie).toMatch(/; Path=\/;/);
    expect(cookie).toContain('; HttpOnly');
    expect(cookie).toContain('; SameSite=Strict');
    expect(cookie).not.toContain('Secure');

    const token = /^tessera_session=([^;]+)/.exec(cookie)![1]!;
    const rows = await (h.deps.store as KyselyStore).db
      .selectFrom('console_sessions')
      .selectAll()
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(sha256Hex(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('a wrong password and an unknown user get one answer; no secret is logged', async () => {
    await h.alice();
    const wrong = await h.browser().signIn(h.accountId, 'Alice', 'Wrong-Password-1');
    const unknown = await h.browser().signIn(h.accountId, 'Mallory', 'Wrong-Password-1');
    for (const answer of [wrong, unknown]) {
      expect(answer.statusCode).toBe(401);
      expect(answer.body).toContain('Your authentication information is incorrect.');
      expect(setCookies(answer).join()).not.toContain('tessera_session=');
    }

    expect(h.events).toContainEqual(
      expect.objectContaining({
        event: 'signin.failed',
        reason: 'wrong-password',
        userName: 'Alice',
      }),
    );
    const unknownEvent = h.events.find((e) => e.reason === 'unknown-user')!;
    expect(unknownEvent).toMatchObject({ event: 'signin.failed', mfaUsed: false });
    expect(unknownEvent.userName).toBeUndefined();
    expect(JSON.stringify(h.events)).not.toContain('Wrong-Password-1');
  });

  it('an unknown user is answered as slowly as a known one (one scrypt run each)', async () => {
    await h.alice();
    const time = async (name: string): Promise<number> => {
      const browser = h.browser();
      await browser.get('/console/signin');
      const started = performance.now();
      await browser.post('/console/signin', {
        account: h.accountId,
        username: name,
        password: 'x-Wrong-1',
      });
      return performance.now() - started;
    };

    await time('Alice');
    const known = (await time('Alice')) + (await time('Alice'));
    const unknown = (await time('Nobody')) + (await time('Nobody'));
    expect(unknown / known).toBeGreaterThan(0.6);
    expect(unknown / known).toBeLessThan(1.6);
  });

  it('root signs in with the account id and the root password', async () => {
    const browser = h.browser();
    const page = await browser.get('/console/signin/root');
    expect(page.body).toContain('>Account ID</label>');

    const wrong = await browser.post('/console/signin/root', {
      account: h.accountId,
      password: 'Nope-nope-1',
    });
    expect(wrong.statusCode).toBe(401);
    const right = await browser.post('/console/signin/root', {
      account: h.accountId,
      password: ROOT_PASSWORD,
    });
    expect(right.headers.location).toBe('/console/home');

    const home = await browser.get('/console/home');
    expect(home.body).toContain(`arn:aws:iam::${h.accountId}:root`);
    expect(home.body).toContain('href="/console/users"');
    expect(h.events).toContainEqual(
      expect.objectContaining({ event: 'signin.succeeded', principalType: 'Root', mfaUsed: false }),
    );
  });

  it('sign-out ends the session on the server, not only in the browser', async () => {
    await h.alice();
    const browser = h.browser();
    await browser.signIn(h.accountId, 'Alice', PASSWORD);
    await browser.get('/console/home');
    const stolen = new Map(browser.cookies);

    const out = await browser.post('/console/signout', {});
    expect(out.headers.location).toBe('/console/signin?notice=signed-out');
    expect(browser.cookies.has('tessera_session')).toBe(false);

    const replay = h.browser();
    for (const [name, value] of stolen) replay.cookies.set(name, value);
    expect((await replay.get('/console/home')).headers.location).toBe('/console/signin');
  });
});
