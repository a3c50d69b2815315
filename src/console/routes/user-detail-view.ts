import type { FastifyReply } from 'fastify';

import { userArn } from '../../domain/arn.js';
import { NoSuchEntity } from '../../domain/errors.js';
import { getLoginProfile } from '../../domain/login-profiles.js';
import { listMfaDevices } from '../../domain/mfa/devices.js';
import type { LoginProfile, MfaDevice, User } from '../../domain/types.js';
import { isAllowed, type Console, type SignedIn } from '../context.js';
import { html, type SafeHtml } from '../html.js';
import { sendPage } from '../respond.js';
import { button, checkbox, csrfInput, deviceTable, passwordInput, when } from '../widgets.js';

const NOT_LISTED = html`<p>You are not allowed to list this user's MFA devices.</p>`;

const NOTICES: Record<string, string> = {
  created: 'The user is created.',
  password: "The console password is set, and the user's console sessions were signed out.",
  deactivated: "The MFA device is deactivated, and the user's console sessions were signed out.",
};

export async function showUser(
  c: Console,
  reply: FastifyReply,
  signedIn: SignedIn,
  user: User,
  messages: { notice?: string; error?: string },
  status = 200,
): Promise<FastifyReply> {
  const arn = userArn(c.deps.settings.accountId, user.path, user.userName);
  const profile = await getLoginProfile(c.deps, user.userName).then(
    (found) => found.profile,
    (error: unknown) => (error instanceof NoSuchEntity ? undefined : Promise.reject(error)),
  );
  const request = reply.request;
  const canList = await isAllowed(c, request, signedIn.principal, 'iam:ListMFADevices', arn);
  const devices = canList ? (await listMfaDevices(c.deps, user, { maxItems: 100 })).items : null;

  const body = html`<dl class="facts">
      <dt>ARN</dt>
      <dd>${arn}</dd>
      <dt>Created</dt>
      <dd>${when(user.createdAt)}</dd>
      <dt>Console last sign-in</dt>
      <dd>${when(user.passwordLastUsed)}</dd>
    </dl>
    <h2>Console password</h2>
    ${passwordSection(signedIn, user, profile)}
    <h2>MFA devices</h2>
    ${devices === null ? NOT_LISTED : userDevices(signedIn, user, devices)}
    <p><a href="/console/users">All users</a></p>`;
  const notice = NOTICES[messages.notice ?? ''];
  const page = { title: user.userName, body, nav: signedIn.nav, notice, error: messages.error };
  return sendPage(reply, page, status);
}

function passwordSection(signedIn: SignedIn, user: User, profile?: LoginProfile): SafeHtml {
  const state = profile
    ? html`<p>Console access is enabled (password set ${when(profile.createdAt)}).</p>`
    : html`<p>This user has no console password.</p>`;
  return html`${state}
    <form method="post" action="/console/users/${encodeURIComponent(user.userName)}/password">
      ${csrfInput(signedIn.csrf)} ${passwordInput('Console password', 'password', 'new-password')}
      ${checkbox('User must create a new password at next sign-in', 'reset')}
      <div class="actions">${button(profile ? 'Reset password' : 'Set password')}</div>
    </form>`;
}

function userDevices(signedIn: SignedIn, user: User, devices: MfaDevice[]): SafeHtml {
  if (devices.length === 0) return html`<p>This user has no MFA device.</p>`;

  const action = `/console/users/${encodeURIComponent(user.userName)}/mfa/deactivate`;
  const rows = devices.map(
    (d) =>
      html`<tr>
        <td>${d.name}</td>
        <td class="serial optional">${d.serialNumber}</td>
        <td>${when(d.enabledAt)}</td>
        <td>
          <form method="post" action="${action}" class="inline">
            ${csrfInput(signedIn.csrf)}
            <input type="hidden" name="serial" value="${d.serialNumber}" />
            <button type="submit" class="danger" aria-label="Deactivate ${d.name}">
              Deactivate
            </button>
          </form>
        </td>
      </tr>`,
  );
  return deviceTable(rows);
}
