import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';

import { base32Decode, timeStep, totpAt } from '../../src/core/otp/index.js';
import { createLoginProfile } from '../../src/domain/login-profiles.js';
import { createVirtualMfaDevice } from '../../src/domain/mfa/devices.js';
import { enableMfaDevice } from '../../src/domain/mfa/enable.js';
import { setRootPassword } from '../../src/domain/root-password.js';
import { createUser } from '../../src/domain/users.js';
import { buildServer } from '../../src/server.js';
import { testDeps, type TestDeps } from '../support/deps.js';

export const PASSWORD = 'Correct-Horse-9';
export const ROOT_PASSWORD = 'Root-Battery-Staple-7';

/** A console served in-process with a pinned clock, and the events it logged. */
export interface ConsoleHarness {
  app: FastifyInstance;
  deps: TestDeps;
  events: Array<Record<string, unknown>>;
  accountId: string;
  browser(): Browser;
  /** Alice with a console password and, when asked, an enabled device; returns its seed. */
  alice(options?: { mfa?: boolean; name?: string }): Promise<string | undefined>;
  code(seed: string, offset?: number): string;
  close(): Promise<void>;
}

export async function consoleHarness(): Promise<ConsoleHarness> {
  const deps = await testDeps();
  const events: Array<Record<string, unknown>> = [];
  const sink = { write: (line: string) => void events.push(JSON.parse(line)) };
  const app = buildServer(deps, { logger: pino({ level: 'info' }, sink) });
  await app.ready();
  await setRootPassword(deps, ROOT_PASSWORD);

  const code = (seed: string, offset = 0): string =>
    totpAt(base32Decode(seed)!, timeStep(deps.clock()) + offset);

  return {
    app,
    deps,
    events,
    accountId: deps.settings.accountId,
    browser: () => new Browser(app),
    code,
    alice: async ({ mfa = false, name = 'Alice' } = {}) => {
      await createUser(deps, { userName: name, path: '/', tags: [] });
      await createLoginProfile(deps, {
        userName: name,
        password: PASSWORD,
        passwordResetRequired: false,
      });
      if (!mfa) return undefined;

      const created = await createVirtualMfaDevice(deps, {
        name: `${name}-phone`,
        path: '/',
        tags: [],
      });
      const seed = created.base32Seed;
      const serialNumber = created.device.serialNumber;
      await enableMfaDevice(deps, {
        userName: name,
        serialNumber,
        code1: code(seed, -1),
        code2: code(seed),
      });
      // The enabling codes are used; sign-in tests start one step later.
      deps.clock.advance(30_000);
      return seed;
    },
    close: async () => {
      await app.close();
      await deps.store.close();
    },
  };
}

/** A cookie jar over app.inject(), reading CSRF tokens from the last page it was shown. */
export class Browser {
  readonly cookies = new Map<string, string>();
  lastPage = '';

  constructor(private readonly app: FastifyInstance) {}

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, headers: this.headers() });
    return this.keep(response);
  }

  /** Posts a form; the CSRF token is the last page's unless one is given (or null for none). */
  async post(
    url: string,
    fields: Record<string, string>,
    options: { csrf?: string | null; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const csrf = options.csrf === undefined ? this.csrf() : options.csrf;
    const form = new URLSearchParams({ ...(csrf === null ? {} : { csrf }), ...fields });
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: {
        ...this.headers(),
        'content-type': 'application/x-www-form-urlencoded',
        ...options.headers,
      },
      payload: form.toString(),
    });
    return this.keep(response);
  }

  csrf(): string {
    const match = /name="csrf" value="([0-9a-f]{64})"/.exec(this.lastPage);
    if (!match) throw new Error(`no CSRF token on the last page:\n${this.lastPage}`);
    return match[1]!;
  }

  /** Signs in as an IAM user from the sign-in page; returns the answer to the password. */
  async signIn(
    accountId: string,
    userName: string,
    password: string,
  ): Promise<LightMyRequestResponse> {
    await this.get('/console/signin');
    return this.post('/console/signin', { account: accountId, username: userName, password });
  }

  private headers(): Record<string, string> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return cookie ? { cookie } : {};
  }

  private keep(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies as Array<{
      name: string;
      value: string;
      maxAge?: number;
    }>) {
      if (cookie.value === '' || cookie.maxAge === 0) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    if (String(response.headers['content-type'] ?? '').startsWith('text/html')) {
      this.lastPage = response.body;
    }
    return response;
  }
}

export function setCookies(response: LightMyRequestResponse): string[] {
  const header = response.headers['set-cookie'];
  return header === undefined ? [] : Array.isArray(header) ? header : [header];
}
