import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { recordConsoleLogin } from '../../domain/audit/console-login.js';
import { listMfaDevices } from '../../domain/mfa/devices.js';
import { checkUserPassword } from '../../domain/sign-in.js';
import type { User } from '../../domain/types.js';
import { clearCookie, PRESESSION_COOKIE } from '../cookies.js';
import type { Console } from '../context.js';
import { field } from '../form.js';
import { checkedOf, presession } from '../guard.js';
import { html } from '../html.js';
import { normalAccountId } from '../names.js';
import { seeOther, sendPage } from '../respond.js';
import { dropPreviousSession, loadSession, openSession } from '../session.js';
import { loginOrigin, signInFailed, signInSucceeded } from '../signin-events.js';
import { button, csrfInput, input, passwordInput } from '../widgets.js';

export const WRONG_CREDENTIALS = 'Your authentication information is incorrect. Please try again.';

const NOTICES: Record<string, string> = {
  'signed-out': 'You have signed out.',
  expired: 'Your session has ended. Please sign in again.',
};

interface SignInForm {
  csrf: string;
  accountId: string;
  userName: string;
  error?: string;
  notice?: string;
}

/** The IAM user sign-in: account id, user name and password, then the MFA prompt if needed. */
export function registerSignIn(app: FastifyInstance, c: Console): void {
  app.get('/signin', { preHandler: presession(c) }, async (request, reply) => {
    const current = await loadSession(c.deps, request);
    if (current?.record.stage === 'signed-in') return seeOther(reply, '/console/home');

    const query = request.query as Record<string, string | undefined>;
    return showForm(reply, {
      csrf: checkedOf(request).csrf,
      accountId: query.account ?? '',
      userName: '',
      notice: NOTICES[query.notice ?? ''],
    });
  });

  app.post('/signin', { preHandler: presession(c) }, async (request, reply) => {
    const { form, csrf } = checkedOf(request);
    const accountId = normalAccountId(field(form, 'account'));
    const userName = field(form, 'username');
    const password = field(form, 'password', true);
    if (!accountId || !userName || !password) {
      const error = 'Enter your account ID, IAM user name and password.';
      return showForm(reply, { csrf, accountId, userName, error }, 400);
    }

    const check = await checkUserPassword(c.deps, { accountId, userName, password });
    if (!check.ok) {
      const known = check.reason === 'wrong-password' || check.reason === 'no-password';
      signInFailed(c, request, check.reason, {
        principalType: 'IAMUser',
        userName: known ? userName : undefined,
        mfaUsed: false,
      });
      const user = known ? await c.deps.store.users.findByName(userName) : undefined;
      const attempt = { user, success: false, mfaUsed: false, ...loginOrigin(request) };
      await recordConsoleLogin(c.deps, attempt);
      return showForm(reply, { csrf, accountId, userName, error: WRONG_CREDENTIALS }, 401);
    }

    return afterPassword(c, request, reply, check.user!, check.passwordHash);
  });
}

/**
 * The password was right: a user with a device gets a session that opens only the MFA prompt;
 * a user without one is signed in. Either way the browser gets a new cookie.
 */
async function afterPassword(
  c: Console,
  request: FastifyRequest,
  reply: FastifyReply,
  user: User,
  passwordHash: string,
): Promise<FastifyReply> {
  await dropPreviousSession(c.deps, request);
  clearCookie(reply, PRESESSION_COOKIE);
  const devices = await listMfaDevices(c.deps, user, { maxItems: 1 });
  const device = devices.items[0];

  if (device) {
    const fields = { user, mfaSerial: device.serialNumber, mfaAuthenticatedAt: null };
    await openSession(c.deps, reply, { ...fields, stage: 'awaiting-mfa', passwordHash });
    return seeOther(reply, '/console/mfa');
  }

  const fields = { user, mfaSerial: null, mfaAuthenticatedAt: null, passwordHash };
  // The session, the sign-in time and the ConsoleLogin event are stored together.
  await c.deps.store.transaction(async (store) => {
    const deps = { ...c.deps, store };
    await openSession(deps, reply, { ...fields, stage: 'signed-in' });
    await store.users.touchPasswordUsed(user.userId, deps.clock());
    await recordConsoleLogin(deps, {
      user,
      success: true,
      mfaUsed: false,
      ...loginOrigin(request),
    });
  });
  signInSucceeded(c, request, {
    principalType: 'IAMUser',
    userName: user.userName,
    mfaUsed: false,
  });
  return seeOther(reply, '/console/home');
}

function showForm(reply: FastifyReply, form: SignInForm, status = 200): FastifyReply {
  const autocomplete = 'username';
  const body = html`<form method="post" action="/console/signin">
      ${csrfInput(form.csrf)}
      ${input({ label: 'Account ID', name: 'account', value: form.accountId, autocomplete: 'off' })}
      ${input({ label: 'IAM user name', name: 'username', value: form.userName, autocomplete })}
      ${passwordInput('Password', 'password', 'current-password')}
      <div class="actions">${button('Sign in')}</div>
    </form>
    <p class="muted">
      Account owner? <a href="/console/signin/root">Sign in as the root user</a>
    </p>`;
  const page = { title: 'Sign in as IAM user', body, narrow: true };
  return sendPage(reply, { ...page, error: form.error, notice: form.notice }, status);
}
