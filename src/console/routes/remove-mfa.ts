import type { FastifyInstance, FastifyReply } from 'fastify';

import { NoSuchEntity } from '../../domain/errors.js';
import type { AttemptOutcome } from '../../domain/mfa/attempts.js';
import { deactivateMfaDevice, deleteVirtualMfaDevice } from '../../domain/mfa/devices.js';
import { verifyAndConsume } from '../../domain/mfa/verify.js';
import type { MfaDevice } from '../../domain/types.js';
import { mustNotBeDenied, type Console, type SignedIn } from '../context.js';
import { field } from '../form.js';
import { checkedOf, requireStage, signedInOf } from '../guard.js';
import { html } from '../html.js';
import { isSixDigitCode } from '../names.js';
import { seeOther, sendPage } from '../respond.js';
import { endOtherSessions, rotateSession } from '../session.js';
import { button, csrfInput, input, when } from '../widgets.js';

function refusal(outcome: AttemptOutcome<unknown> & { ok: false }): string {
  if (outcome.reason === 'wrong') return 'The MFA code is not valid. Enter the code it shows now.';
  if (outcome.reason === 'replayed') {
    return 'That MFA code has already been used. Wait for a new code, then enter it.';
  }
  const until = when(outcome.lockedUntil ?? null);
  return `Too many wrong codes: this MFA device is locked until ${until}. Try again after that.`;
}

/**
 * Removing one's own device asks for a current code from it, so a session left open on a shared
 * computer cannot strip a user's MFA. Afterwards the user's other sessions end.
 */
export function registerRemoveMfa(app: FastifyInstance, c: Console): void {
  const guard = { preHandler: requireStage(c, 'signed-in') };
  const path = '/security-credentials/mfa/remove';

  app.get(path, guard, async (request, reply) => {
    const signedIn = signedInOf(request);
    const serial = (request.query as Record<string, string | undefined>).serial ?? '';
    const device = await ownDevice(c, signedIn, serial);
    return showConfirm(reply, signedIn, device);
  });

  app.post(path, guard, async (request, reply) => {
    const signedIn = signedInOf(request);
    const { form } = checkedOf(request);
    const device = await ownDevice(c, signedIn, field(form, 'serial'));
    const { principal } = signedIn;
    await mustNotBeDenied(c, request, principal, 'iam:DeactivateMFADevice', principal.arn);
    await mustNotBeDenied(c, request, principal, 'iam:DeleteVirtualMFADevice', device.serialNumber);
    const code = field(form, 'code');
    if (!isSixDigitCode(code)) {
      return showConfirm(reply, signedIn, device, 'Enter the six-digit code from the device.', 400);
    }

    const outcome = await verifyAndConsume(c.deps, device.serialNumber, code);
    if (!outcome.ok) return showConfirm(reply, signedIn, device, refusal(outcome), 401);

    const userName = signedIn.session.user!.userName;
    await deactivateMfaDevice(c.deps, { userName, serialNumber: device.serialNumber });
    await deleteVirtualMfaDevice(c.deps, device.serialNumber);

    const kept = await rotateSession(c.deps, reply, signedIn.session, {
      mfaSerial:
        signedIn.session.record.mfaSerial === device.serialNumber
          ? null
          : signedIn.session.record.mfaSerial,
    });
    await endOtherSessions(c.deps, kept.record.userId, kept);
    c.logger.info(
      { event: 'mfa_device.removed', userName, serialNumber: device.serialNumber, via: 'console' },
      'MFA device removed by its user',
    );
    return seeOther(reply, '/console/security-credentials?notice=removed');
  });
}

async function ownDevice(c: Console, signedIn: SignedIn, serial: string): Promise<MfaDevice> {
  const device = serial ? await c.deps.store.mfaDevices.find(serial) : undefined;
  const user = signedIn.session.user;
  if (!device || !user || device.userId !== user.userId) {
    throw new NoSuchEntity('You have no MFA device with that identifier.');
  }
  return device;
}

function showConfirm(
  reply: FastifyReply,
  signedIn: SignedIn,
  device: MfaDevice,
  error?: string,
  status = 200,
): FastifyReply {
  const body = html`<p>
      Remove <strong>${device.name}</strong> (enabled ${when(device.enabledAt)})? After that,
      signing in needs only your password until you assign another device.
    </p>
    <form method="post" action="/console/security-credentials/mfa/remove">
      ${csrfInput(signedIn.csrf)}
      <input type="hidden" name="serial" value="${device.serialNumber}" />
      ${input({ label: 'MFA code', name: 'code', otp: true, autofocus: true })}
      <div class="actions">
        ${button('Remove', 'danger')} <a href="/console/security-credentials">Cancel</a>
      </div>
    </form>`;
  const page = { title: 'Remove MFA device', body, nav: signedIn.nav, error };
  return sendPage(reply, page, status);
}
