import type { FastifyInstance } from 'fastify';

import { listMfaDevices } from '../../domain/mfa/devices.js';
import type { MfaDevice } from '../../domain/types.js';
import type { Console } from '../context.js';
import { requireStage, signedInOf } from '../guard.js';
import { html, type SafeHtml } from '../html.js';
import { sendPage } from '../respond.js';
import { deviceTable, when } from '../widgets.js';

const NOTICES: Record<string, string> = {
  added: 'Your MFA device is assigned. You will be asked for a code at every sign-in.',
  removed: 'The MFA device is removed. Your other console sessions were signed out.',
  password: 'Your password is changed. Your other console sessions were signed out.',
};

/** The signed-in user's own MFA devices and password. */
export function registerSecurityCredentials(app: FastifyInstance, c: Console): void {
  const guard = { preHandler: requireStage(c, 'signed-in') };

  app.get('/security-credentials', guard, async (request, reply) => {
    const { nav, session } = signedInOf(request);
    const query = request.query as Record<string, string | undefined>;
    const notice = NOTICES[query.notice ?? ''];

    const user = session.user;
    const devices = user ? (await listMfaDevices(c.deps, user, { maxItems: 100 })).items : [];
    const body = html`<h2>Multi-factor authentication (MFA)</h2>
      ${user ? deviceSection(devices) : html`<p>The root user has no MFA devices in Tessera.</p>`}
      <h2>Console password</h2>
      <p><a href="/console/password">Change password</a></p>`;
    return sendPage(reply, { title: 'My security credentials', body, nav, notice });
  });
}

function deviceSection(devices: MfaDevice[]): SafeHtml {
  const removeUrl = (d: MfaDevice): string =>
    `/console/security-credentials/mfa/remove?serial=${encodeURIComponent(d.serialNumber)}`;
  const rows = devices.map(
    (d) =>
      html`<tr>
        <td>${d.name}</td>
        <td class="serial optional">${d.serialNumber}</td>
        <td>${when(d.enabledAt)}</td>
        <td>
          <a href="${removeUrl(d)}" aria-label="Remove ${d.name}">Remove</a>
        </td>
      </tr>`,
  );
  const table =
    devices.length === 0
      ? html`<p>
          You have no MFA device. Assign one so that a stolen password is not enough to sign in as
          you.
        </p>`
      : deviceTable(rows);
  return html`${table}
    <p><a class="button" href="/console/security-credentials/mfa/assign">Assign MFA device</a></p>`;
}
