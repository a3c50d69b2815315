import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  consoleHarness,
  PASSWORD,
  ROOT_PASSWORD,
  type Browser,
  type ConsoleHarness,
} from './harness.js';

describe('console administration pages', () => {
  let h: ConsoleHarness;
  let root: Browser;

  beforeEach(async () => {
    h = await consoleHarness();
    root = h.browser();
    await root.get('/console/signin/root');
    await root.post('/console/signin/root', { account: h.accountId, password: ROOT_PASSWORD });
  });

  afterEach(async () => {
    await h.close();
  });

  it('root creates a user with a console password, who can then sign in', async () => {
    expect((await root.get('/console/users')).body).toContain(
      'href="/console/users/new">Create user</a>',
    );
    await root.get('/console/users/new');
    const created = await root.post('/console/users', { username: 'Carol', password: PASSWORD });
    expect(created.headers.location).toBe('/console/users/Carol?notice=created');

    const detail = await root.get('/console/users/Carol?notice=created');
    expect(detail.body).toContain('The user is created.');
    expect(detail.body).toContain('Console access is enabled');
    expect((await root.get('/console/users')).body).toContain(
      'href="/console/users/Carol">Carol</a>',
    );

    const carol = await h.browser().signIn(h.accountId, 'Carol', PASSWORD);
    expect(carol.headers.location).toBe('/console/home');
  });

  it('a password the policy refuses creates nothing', async () => {
    await root.get('/console/users/new');
    const answer = await root.post('/console/users', { username: 'Dave', password: 'weak' });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain('Password should have a minimum length of 8.');
    expect(answer.body).toContain('value="Dave"');
    expect(await h.deps.store.users.findByName('Dave')).toBeUndefined();
  });

  it('an IAM user no policy allows sees no Users link and is refused the pages', async () => {
    await h.alice();
    const alice = h.browser();
    await alice.signIn(h.accountId, 'Alice', PASSWORD);
    const home = await alice.get('/console/home');
    expect(home.body).not.toContain('href="/console/users"');

    const list = await alice.get('/console/users');
    expect(list.statusCode).toBe(403);
    expect(list.body).toContain(`User: arn:aws:iam::${h.accountId}:user/Alice is not authorized`);
    const create = await alice.post('/console/users', { username: 'Mallory', password: PASSWORD });
    expect(create.statusCode).toBe(403);
    expect(await h.deps.store.users.findByName('Mallory')).toBeUndefined();
  });

  it('deactivating a lost phone signs the user out and frees the device name', async () => {
    const seed = (await h.alice({ mfa: true }))!;
    const alice = h.browser();
    await alice.signIn(h.accountId, 'Alice', PASSWORD);
    await alice.get('/console/mfa');
    expect((await alice.post('/console/mfa', { code: h.code(seed) })).statusCode).toBe(303);

    const detail = await root.get('/console/users/Alice');
    expect(detail.body).toContain('aria-label="Deactivate Alice-phone"');
    const serial = `arn:aws:iam::${h.accountId}:mfa/Alice-phone`;
    const done = await root.post('/console/users/Alice/mfa/deactivate', { serial });
    expect(done.headers.location).toBe('/console/users/Alice?notice=deactivated');

    expect((await alice.get('/console/home')).headers.location).toBe('/console/signin');
    expect(await h.deps.store.mfaDevices.find(serial)).toBeUndefined();
    const again = await h.browser().signIn(h.accountId, 'Alice', PASSWORD);
    expect(again.headers.location).toBe('/console/home');
  });

  it('a reset requiring a new password keeps the user on the password page', async () => {
    await h.alice();
    await root.get('/console/users/Alice');
    const reset = await root.post('/console/users/Alice/password', {
      password: 'Temporary-Pass-4',
      reset: '1',
    });
    expect(reset.headers.location).toBe('/console/users/Alice?notice=password');

    const alice = h.browser();
    await alice.signIn(h.accountId, 'Alice', 'Temporary-Pass-4');
    expect((await alice.get('/console/security-credentials')).headers.location).toBe(
      '/console/password',
    );
    const page = await alice.get('/console/password');
    expect(page.body).toContain('choose a new password');
    await alice.post('/console/password', {
      current: 'Temporary-Pass-4',
      new: 'Chosen-By-Alice-5',
      confirm: 'Chosen-By-Alice-5',
    });
    expect((await alice.get('/console/security-credentials')).statusCode).toBe(200);
  });

  it('an unknown user is a readable 404', async () => {
    const answer = await root.get('/console/users/Nobody');
    expect(answer.statusCode).toBe(404);
    expect(answer.body).toContain('The user with name Nobody cannot be found.');
  });
});
