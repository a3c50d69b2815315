import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { consoleHarness, PASSWORD, type ConsoleHarness } from './harness.js';

const SCRIPT = '<script>alert("x")</script>';

describe('console CSRF protection', () => {
  let h: ConsoleHarness;

  beforeEach(async () => {
    h = await consoleHarness();
    await h.alice();
  });

  afterEach(async () => {
    await h.close();
  });

  it('a sign-in form without its token, or with a made-up one, is refused', async () => {
    const browser = h.browser();
    await browser.get('/console/signin');
    const fields = { account: h.accountId, username: 'Alice', password: PASSWORD };

    for (const csrf of [null, '0'.repeat(64)]) {
      const answer = await browser.post('/console/signin', fields, { csrf });
      expect(answer.statusCode).toBe(403);
      expect(answer.body).toContain('This form has expired or did not come from this console.');
      expect(browser.cookies.has('tessera_session')).toBe(false);
    }
    expect(h.events).toContainEqual(expect.objectContaining({ event: 'console.csrf_rejected' }));
  });

  it('a form without the pre-session cookie (another site cannot send it) is refused', async () => {
    const browser = h.browser();
    await browser.get('/console/signin');
    const csrf = browser.csrf();
    browser.cookies.delete('tessera_presession');

    const fields = { account: h.accountId, username: 'Alice', password: PASSWORD };
    expect((await browser.post('/console/signin', fields, { csrf })).statusCode).toBe(403);
  });

  it('a token of another session, or of a replaced cookie, is refused', async () => {
    const alice = h.browser();
    await alice.signIn(h.accountId, 'Alice', PASSWORD);
    await alice.get('/console/password');
    const aliceToken = alice.csrf();

    const other = h.browser();
    await other.signIn(h.accountId, 'Alice', PASSWORD);
    await other.get('/console/home');
    const change = { current: PASSWORD, new: 'Another-Pass-8', confirm: 'Another-Pass-8' };
    expect((await other.post('/console/password', change, { csrf: aliceToken })).statusCode).toBe(
      403,
    );

    // Changing the password replaces Alice's cookie: the token of the old one stops working.
    expect((await alice.post('/console/password', change, { csrf: aliceToken })).statusCode).toBe(
      303,
    );
    expect((await alice.post('/console/signout', {}, { csrf: aliceToken })).statusCode).toBe(403);
  });

  it('a request the browser marks as cross-site is refused even with a valid token', async () => {
    const browser = h.browser();
    await browser.signIn(h.accountId, 'Alice', PASSWORD);
    await browser.get('/console/home');
    const answer = await browser.post(
      '/console/signout',
      {},
      { headers: { 'sec-fetch-site': 'cross-site' } },
    );
    expect(answer.statusCode).toBe(403);
    expect((await browser.get('/console/home')).statusCode).toBe(200);
  });
});

describe('console escaping and headers', () => {
  let h: ConsoleHarness;

  beforeEach(async () => {
    h = await consoleHarness();
  });

  afterEach(async () => {
    await h.close();
  });

  it('values typed into the sign-in form are echoed as text', async () => {
    const browser = h.browser();
    await browser.get('/console/signin');
    const answer = await browser.post('/console/signin', {
      account: SCRIPT,
      username: `"><img src=x onerror=alert(1)>`,
      password: 'whatever-1A',
    });
    expect(answer.statusCode).toBe(401);
    expect(answer.body).not.toContain('<script>');
    expect(answer.body).not.toContain('<img src=x');
    expect(answer.body).toContain('value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"');
    expect(answer.body).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');

    const prefilled = await browser.get(`/console/signin?account=${encodeURIComponent(SCRIPT)}`);
    expect(prefilled.body).not.toContain('<script>');
  });

  it('a device name IAM refuses is shown back as text, with a readable message', async () => {
    await h.alice();
    const browser = h.browser();
    await browser.signIn(h.accountId, 'Alice', PASSWORD);
    await browser.get('/console/security-credentials/mfa/assign');
    const answer = await browser.post('/console/security-credentials/mfa/assign', { name: SCRIPT });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain('A device name may use only letters, digits');
    expect(answer.body).not.toContain('<script>');
    expect(answer.body).toContain('&lt;script&gt;');
  });

  it('a user name in a URL is echoed as text on the not-found page', async () => {
    const browser = h.browser();
    await browser.get('/console/signin/root');
    await browser.post('/console/signin/root', {
      account: h.accountId,
      password: 'Root-Battery-Staple-7',
    });
    const answer = await browser.get(`/console/users/${encodeURIComponent('<b>x</b>')}`);
    expect(answer.statusCode).toBe(404);
    expect(answer.body).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(answer.body).not.toContain('<b>x</b>');
  });

  it('every page carries a strict CSP, nosniff, no-referrer and no-store', async () => {
    const page = await h.browser().get('/console/signin');
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'",
    );
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).not.toMatch(/<script|\sstyle=|\son\w+=/i);

    const css = await h.browser().get('/console/static/console.css');
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.body).toContain('image-rendering: pixelated');
  });

  it('errors are readable pages, never a stack trace or an XML error', async () => {
    const browser = h.browser();
    await browser.get('/console/signin');
    const malformed = await h.app.inject({
      method: 'POST',
      url: '/console/signin',
      headers: {
        cookie: `tessera_presession=${browser.cookies.get('tessera_presession')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'csrf=%E0%A4%A&account=1',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('text/html');
    expect(malformed.body).toContain('malformed percent-encoding');

    const missing = await h.browser().get('/console/no-such-page');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('text/html');
    expect(missing.body).not.toMatch(/at \w+ \(|Error:/);
  });
});
