import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { updateLoginProfile } from '../../src/domain/login-profiles.js';
import { deactivateMfaDevice } from '../../src/domain/mfa/devices.js';
import { decodeQrPng, secretFromKeyUri, wrongCode } from '../support/qr.js';
import { consoleHarness, PASSWORD, type Browser, type ConsoleHarness } from './harness.js';

const ASSIGN = '/console/security-credentials/mfa/assign';

describe('security credentials: the assign-MFA wizard, removal, password and session ends', () => {
  let h: ConsoleHarness;

  beforeEach(async () => {
    h = await consoleHarness();
  });

  afterEach(async () => {
    await h.close();
  });

  async function signedIn(seed?: string): Promise<Browser> {
    const browser = h.browser();
    const answer = await browser.signIn(h.accountId, 'Alice', PASSWORD);
    if (seed) {
      expect(answer.headers.location).toBe('/console/mfa');
      await browser.get('/console/mfa');
      h.deps.clock.advance(30_000);
      expect((await browser.post('/console/mfa', { code: h.code(seed) })).statusCode).toBe(303);
    }
    await browser.get('/console/home');
    return browser;
  }

  it('assigns a device: name, a QR code holding the shown secret, two codes', async () => {
    await h.alice();
    const browser = await signedIn();
    const credentials = await browser.get('/console/security-credentials');
    expect(credentials.body).toContain(`href="${ASSIGN}">Assign MFA device</a>`);

    expect((await browser.get(ASSIGN)).body).toContain('>Device name</label>');
    const wizard = await browser.post(ASSIGN, { name: 'alice-phone' });
    expect(wizard.statusCode).toBe(200);
    expect(wizard.body).toMatch(
      /<img\s+class="qr"\s+src="data:image\/png;base64,[^"]+"[^>]*alt="QR code/,
    );
    expect(wizard.body).toContain('<a href="#secret-key">Show secret key</a>');
    for (const label of ['Secret key', 'MFA code 1', 'MFA code 2']) {
      expect(wizard.body).toContain(`>${label}</label>`);
    }
    expect(wizard.body).toContain('>Add MFA</button>');

    const secret = /id="f-secret"[^>]*value="([A-Z2-7]{64})"/.exec(wizard.body)![1]!;
    const png = Buffer.from(
      /src="data:image\/png;base64,([^"]+)"/.exec(wizard.body)![1]!,
      'base64',
    );
    expect(secretFromKeyUri(decodeQrPng(png))).toBe(secret);

    const wrong = await browser.post('/console/security-credentials/mfa/enable', {
      code1: wrongCode(secret, h.deps.clock()),
      code2: h.code(secret),
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.body).toContain('Authentication code for device is not valid.');
    expect(wrong.body).toContain('>MFA code 1</label>');

    const added = await browser.post('/console/security-credentials/mfa/enable', {
      code1: h.code(secret, -1),
      code2: h.code(secret),
    });
    expect(added.headers.location).toBe('/console/security-credentials?notice=added');
    const listed = await browser.get('/console/security-credentials?notice=added');
    expect(listed.body).toContain('<td>alice-phone</td>');
    expect(listed.body).toContain(`arn:aws:iam::${h.accountId}:mfa/alice-phone`);
  });

  it('starting the wizard over leaves no orphaned device behind', async () => {
    await h.alice();
    const browser = await signedIn();
    await browser.get(ASSIGN);
    await browser.post(ASSIGN, { name: 'first-try' });
    await browser.post(ASSIGN, { name: 'second-try' });

    const serial = (name: string): string => `arn:aws:iam::${h.accountId}:mfa/${name}`;
    expect(await h.deps.store.mfaDevices.find(serial('first-try'))).toBeUndefined();
    expect(await h.deps.store.mfaDevices.find(serial('second-try'))).toBeDefined();
  });

  it('removing a device asks for its code and ends the other sessions', async () => {
    const seed = (await h.alice({ mfa: true }))!;
    const other = await signedIn(seed);
    const browser = await signedIn(seed);
    const serial = `arn:aws:iam::${h.accountId}:mfa/Alice-phone`;

    const confirm = await browser.get(
      `/console/security-credentials/mfa/remove?serial=${encodeURIComponent(serial)}`,
    );
    expect(confirm.body).toContain('>MFA code</label>');
    const refused = await browser.post('/console/security-credentials/mfa/remove', {
      serial,
      code: wrongCode(seed, h.deps.clock()),
    });
    expect(refused.statusCode).toBe(401);
    expect(await h.deps.store.mfaDevices.find(serial)).toMatchObject({ serialNumber: serial });

    h.deps.clock.advance(30_000);
    const removed = await browser.post('/console/security-credentials/mfa/remove', {
      serial,
      code: h.code(seed),
    });
    expect(removed.headers.location).toBe('/console/security-credentials?notice=removed');
    expect(await h.deps.store.mfaDevices.find(serial)).toBeUndefined();
    expect((await browser.get('/console/security-credentials')).statusCode).toBe(200);
    expect((await other.get('/console/home')).headers.location).toBe('/console/signin');
  });

  it("another user's device cannot be removed", async () => {
    await h.alice();
    await h.alice({ mfa: true, name: 'Bob' });
    const browser = await signedIn();
    const serial = `arn:aws:iam::${h.accountId}:mfa/Bob-phone`;
    const answer = await browser.get(
      `/console/security-credentials/mfa/remove?serial=${encodeURIComponent(serial)}`,
    );
    expect(answer.statusCode).toBe(404);
  });

  it('a password change ends the other sessions; this one goes on, new cookie', async () => {
    await h.alice();
    const other = await signedIn();
    const browser = await signedIn();
    const before = browser.cookies.get('tessera_session');

    await browser.get('/console/password');
    const changed = await browser.post('/console/password', {
      current: PASSWORD,
      new: 'Another-Pass-8',
      confirm: 'Another-Pass-8',
    });
    expect(changed.headers.location).toBe('/console/security-credentials?notice=password');
    expect(browser.cookies.get('tessera_session')).not.toBe(before);
    expect((await browser.get('/console/home')).statusCode).toBe(200);
    expect((await other.get('/console/home')).headers.location).toBe('/console/signin');

    expect((await h.browser().signIn(h.accountId, 'Alice', PASSWORD)).statusCode).toBe(401);
    const fresh = await h.browser().signIn(h.accountId, 'Alice', 'Another-Pass-8');
    expect(fresh.headers.location).toBe('/console/home');
  });

  it('a weak new password is refused with the policy message', async () => {
    await h.alice();
    const browser = await signedIn();
    await browser.get('/console/password');
    const answer = await browser.post('/console/password', {
      current: PASSWORD,
      new: 'short',
      confirm: 'short',
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain('Password should have a minimum length of 8.');
  });

  it('changes made through the API end console sessions too (password, device)', async () => {
    await h.alice();
    const byPassword = await signedIn();
    await updateLoginProfile(h.deps, { userName: 'Alice', password: 'Reset-By-Admin-3' });
    expect((await byPassword.get('/console/home')).headers.location).toBe('/console/signin');

    const seed = (await h.alice({ mfa: true, name: 'Bob' }))!;
    const bob = h.browser();
    await bob.signIn(h.accountId, 'Bob', PASSWORD);
    await bob.get('/console/mfa');
    expect((await bob.post('/console/mfa', { code: h.code(seed) })).statusCode).toBe(303);
    expect((await bob.get('/console/home')).statusCode).toBe(200);
    const serialNumber = `arn:aws:iam::${h.accountId}:mfa/Bob-phone`;
    await deactivateMfaDevice(h.deps, { userName: 'Bob', serialNumber });
    expect((await bob.get('/console/home')).headers.location).toBe('/console/signin');
  });

  it('sessions end after an hour idle, and after twelve hours however busy', async () => {
    await h.alice();
    const idle = await signedIn();
    h.deps.clock.advance(61 * 60_000);
    expect((await idle.get('/console/home')).headers.location).toBe('/console/signin');

    const busy = await signedIn();
    for (let hour = 0; hour < 12; hour++) {
      h.deps.clock.advance(59 * 60_000);
      expect((await busy.get('/console/home')).statusCode).toBe(200);
    }
    h.deps.clock.advance(15 * 60_000);
    expect((await busy.get('/console/home')).headers.location).toBe('/console/signin');
  });
});
