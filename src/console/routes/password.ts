import type { FastifyInstance, FastifyReply } from 'fastify';

import { AwsError } from '../../domain/errors.js';
import { getLoginProfile, updateLoginProfile } from '../../domain/login-profiles.js';
import { setRootPassword } from '../../domain/root-password.js';
import { checkRootPassword, checkUserPassword } from '../../domain/sign-in.js';
import { mustNotBeDenied, type Console, type SignedIn } from '../context.js';
import { field } from '../form.js';
import { checkedOf, requireStage, signedInOf } from '../guard.js';
import { html } from '../html.js';
import { seeOther, sendPage } from '../respond.js';
import { endOtherSessions, rotateSession } from '../session.js';
import { button, csrfInput, passwordInput } from '../widgets.js';

/**
 * Change one's own password (root's too). The current password is asked again; afterwards the
 * user's other sessions end and this one continues under a new cookie.
 */
export function registerPassword(app: FastifyInstance, c: Console): void {
  const guard = { preHandler: requireStage(c, 'signed-in') };

  app.get('/password', guard, async (request, reply) => showForm(reply, signedInOf(request)));

  app.post('/password', guard, async (request, reply) => {
    const signedIn = signedInOf(request);
    const { form } = checkedOf(request);
    const current = field(form, 'current', true);
    const next = field(form, 'new', true);
    if (!current || !next || next !== field(form, 'confirm', true)) {
      const error = 'Enter your current password, and the new one twice, the same both times.';
      return showForm(reply, signedIn, error, 400);
    }

    const user = signedIn.session.user;
    const accountId = c.deps.settings.accountId;
    const { principal } = signedIn;
    await mustNotBeDenied(c, request, principal, 'iam:ChangePassword', principal.arn);
    const check = user
      ? await checkUserPassword(c.deps, { accountId, userName: user.userName, password: current })
      : await checkRootPassword(c.deps, { accountId, password: current });
    if (!check.ok) return showForm(reply, signedIn, 'Your current password is not correct.', 401);

    try {
      const passwordHash = await change(c, signedIn, next);
      const kept = await rotateSession(c.deps, reply, signedIn.session, { passwordHash });
      await endOtherSessions(c.deps, kept.record.userId, kept);
    } catch (error) {
      if (!(error instanceof AwsError) || error.status >= 500) throw error;
      return showForm(reply, signedIn, error.message, error.status);
    }

    c.logger.info(
      { event: 'password.changed', userName: user?.userName ?? 'root', via: 'console' },
      'console password changed',
    );
    return seeOther(reply, '/console/security-credentials?notice=password');
  });
}

/** Sets the new password through the domain (which applies the password policy). */
async function change(c: Console, signedIn: SignedIn, password: string): Promise<string> {
  const user = signedIn.session.user;
  if (!user) {
    await setRootPassword(c.deps, password);
    return (await c.deps.store.account.rootPasswordHash())!;
  }

  const userName = user.userName;
  await updateLoginProfile(c.deps, { userName, password, passwordResetRequired: false });
  return (await getLoginProfile(c.deps, userName)).profile.passwordHash;
}

function showForm(
  reply: FastifyReply,
  signedIn: SignedIn,
  error?: string,
  status = 200,
): FastifyReply {
  const notice = signedIn.session.mustChangePassword
    ? 'Your administrator asks you to choose a new password before you continue.'
    : undefined;
  const body = html`<form method="post" action="/console/password">
      ${csrfInput(signedIn.csrf)}
      ${passwordInput('Current password', 'current', 'current-password')}
      ${passwordInput('New password', 'new', 'new-password')}
      ${passwordInput('Confirm new password', 'confirm', 'new-password')}
      <div class="actions">
        ${button('Change password')} <a href="/console/security-credentials">Cancel</a>
      </div>
    </form>
    <p class="muted">
      At least 8 characters, with three of: upper-case letters, lower-case letters, numbers and
      symbols.
    </p>`;
  const page = { title: 'Change password', body, nav: signedIn.nav, error, notice };
  return sendPage(reply, page, status);
}
