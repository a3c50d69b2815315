import type { ConsoleUser } from './seed-console.js';
import { CONSOLE_PASSWORD } from './seed-console.js';
import { codeAt, stepNow } from './totp-codes.js';

/** Cookies by name, as a browser keeps them for one site. */
type Jar = Map<string, string>;

/**
 * One console sign-in as a browser makes it: the form, the password, the MFA prompt, the code.
 * Four requests; true when the last one lands on the console's home page.
 */
export async function signIn(base: string, accountId: string, user: ConsoleUser): Promise<boolean> {
  const jar: Jar = new Map();

  const form = await send(base, jar, 'GET', '/console/signin');
  const password = await send(base, jar, 'POST', '/console/signin', {
    csrf: csrfOf(form.body),
    account: accountId,
    username: user.userName,
    password: CONSOLE_PASSWORD,
  });
  if (password.location !== '/console/mfa') return false;

  const prompt = await send(base, jar, 'GET', '/console/mfa');
  const done = await send(base, jar, 'POST', '/console/mfa', {
    csrf: csrfOf(prompt.body),
    code: codeAt(user.seed, stepNow()),
  });
  return done.location === '/console/home';
}

async function send(
  base: string,
  jar: Jar,
  method: 'GET' | 'POST',
  path: string,
  fields?: Record<string, string>,
): Promise<{ body: string; location: string | null }> {
  const headers: Record<string, string> = {
    cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
    'sec-fetch-site': 'same-origin',
  };
  if (fields) headers['content-type'] = 'application/x-www-form-urlencoded';

  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: fields ? new URLSearchParams(fields).toString() : undefined,
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const eq = pair!.indexOf('=');
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
  return { body: await response.text(), location: response.headers.get('location') };
}

function csrfOf(html: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('the console page has no CSRF token');
  return match[1]!;
}
