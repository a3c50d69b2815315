import type { FastifyInstance, FastifyReply } from 'fastify';

import { InvalidAuthenticationCode } from '../../domain/errors.js';
import { listMfaDevices } from '../../domain/mfa/devices.js';
import { resyncMfaDevice } from '../../domain/mfa/enable.js';
import type { MfaDevice } from '../../domain/types.js';
import type { Console } from '../context.js';
import { field } from '../form.js';
import { checkedOf, requireStage, sessionOf } from '../guard.js';
import { html } from '../html.js';
import { isSixDigitCode } from '../names.js';
import { seeOther, sendPage } from '../respond.js';
import { button, csrfInput, input } from '../widgets.js';
import { deviceChoice, pickDevice } from './mfa-prompt.js';

/**
 * Part of the MFA prompt: a device whose clock drifted is brought back with two consecutive codes
 * (ResyncMFADevice). It does not sign in by itself; the next code does.
 */
export function registerMfaResync(app: FastifyInstance, c: Console): void {
  const guard = { preHandler: requireStage(c, 'awaiting-mfa') };

  app.get('/mfa/resync', guard, async (request, reply) => {
    const session = sessionOf(request);
    const devices = (await listMfaDevices(c.deps, session.user!, { maxItems: 100 })).items;
    if (devices.length === 0) return seeOther(reply, '/console/mfa');
    return showForm(reply, checkedOf(request).csrf, devices, session.record.mfaSerial);
  });

  app.post('/mfa/resync', guard, async (request, reply) => {
    const { form, csrf } = checkedOf(request);
    const user = sessionOf(request).user!;
    const devices = (await listMfaDevices(c.deps, user, { maxItems: 100 })).items;
    if (devices.length === 0) return seeOther(reply, '/console/mfa');

    const device = pickDevice(devices, field(form, 'device'));
    const [code1, code2] = [field(form, 'code1'), field(form, 'code2')];
    if (!isSixDigitCode(code1) || !isSixDigitCode(code2)) {
      const error = 'Enter two consecutive six-digit codes from your app.';
      return showForm(reply, csrf, devices, device.serialNumber, error, 400);
    }

    try {
      const input = { userName: user.userName, serialNumber: device.serialNumber, code1, code2 };
      await resyncMfaDevice(c.deps, input);
    } catch (error) {
      if (!(error instanceof InvalidAuthenticationCode)) throw error;
      return showForm(reply, csrf, devices, device.serialNumber, error.message, 401);
    }

    c.logger.info(
      { event: 'mfa_device.resynced', userName: user.userName, serialNumber: device.serialNumber },
      'MFA device resynchronized from the sign-in prompt',
    );
    return seeOther(reply, '/console/mfa?notice=resynced');
  });
}

function showForm(
  reply: FastifyReply,
  csrf: string,
  devices: MfaDevice[],
  selected: string | null,
  error?: string,
  status = 200,
): FastifyReply {
  const body = html`<p>
      Wait for your app to show a new code and enter it, then enter the next code it shows.
    </p>
    <form method="post" action="/console/mfa/resync">
      ${csrfInput(csrf)} ${deviceChoice(devices, selected)}
      ${input({ label: 'MFA code 1', name: 'code1', otp: true, autofocus: true })}
      ${input({ label: 'MFA code 2', name: 'code2', otp: true })}
      <div class="actions">${button('Resync')}<a href="/console/mfa">Back to sign-in</a></div>
    </form>`;
  return sendPage(reply, { title: 'Resync MFA device', body, narrow: true, error }, status);
}
