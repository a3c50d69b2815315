import type { FastifyInstance, FastifyReply } from 'fastify';

import { recordConsoleLogin } from '../../domain/audit/console-login.js';
import { checkRootPassword } from '../../domain/sign-in.js';
import { clearCookie, PRESESSION_COOKIE } from '../cookies.js';
import type { Console } from '../context.js';
import { field } from '../form.js';
import { checkedOf, presession } from '../guard.js';
import { html } from '../html.js';
import { normalAccountId } from '../names.js';
import { seeOther, sendPage } from '../respond.js';
import { dropPreviousSession, openSession } from '../session.js';
import { loginOrigin, signInFailed, signInSucceeded } from '../signin-events.js';
import { button, csrfInput, input, passwordInput } from '../widgets.js';
import { WRONG_CREDENTIALS } from './signin.js';

/**
 * The root user signs in with the account id and the root password, which is set with
 * `tessera root-password` (root has no MFA device in Tessera).
 */
export function registerRootSignIn(app: FastifyInstance, c: Console): void {
  app.get('/signin/root', { preHandler: presession(c) }, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    return showForm(reply, checkedOf(request).csrf, query.account ?? '');
  });

  app.post('/signin/root', { preHandler: presession(c) }, async (request, reply) => {
    const { form, csrf } = checkedOf(request);
    const accountId = normalAccountId(field(form, 'account'));
    const password = field(form, 'password', true);
    if (!accountId || !password) {
      return showForm(reply, csrf, accountId, 'Enter the account ID and the root password.', 400);
    }

    const check = await checkRootPassword(c.deps, { accountId, password });
    if (!check.ok) {
      signInFailed(c, request, check.reason, { principalType: 'Root', mfaUsed: false });
      const attempt = { user: null, success: false, mfaUsed: false, ...loginOrigin(request) };
      await recordConsoleLogin(c.deps, attempt);
      return showForm(reply, csrf, accountId, WRONG_CREDENTIALS, 401);
    }

    await dropPreviousSession(c.deps, request);
    clearCookie(reply, PRESESSION_COOKIE);
    // The session and its ConsoleLogin event are stored together.
    await c.deps.store.transaction(async (store) => {
      const deps = { ...c.deps, store };
      await openSession(deps, reply, {
        user: null,
        stage: 'signed-in',
        mfaSerial: null,
        mfaAuthenticatedAt: null,
        passwordHash: check.passwordHash,
      });
      await recordConsoleLogin(deps, {
        user: null,
        success: true,
        mfaUsed: false,
        ...loginOrigin(request),
      });
    });
    signInSucceeded(c, request, { principalType: 'Root', mfaUsed: false });
    return seeOther(reply, '/console/home');
  });
}

function showForm(
  reply: FastifyReply,
  csrf: string,
  accountId: string,
  error?: string,
  status = 200,
): FastifyReply {
  const body = html`<form method="post" action="/console/signin/root">
      ${csrfInput(csrf)}
      ${input({ label: 'Account ID', name: 'account', value: accountId, autocomplete: 'username' })}
      ${passwordInput('Password', 'password', 'current-password')}
      <div class="actions">${button('Sign in')}</div>
    </form>
    <p class="muted">
      The root password is set on the server with <code>tessera root-password</code>.
    </p>
    <p class="muted"><a href="/console/signin">Sign in as an IAM user</a></p>`;
  return sendPage(reply, { title: 'Sign in as root user', body, narrow: true, error }, status);
}
