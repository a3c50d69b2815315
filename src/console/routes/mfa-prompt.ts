import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { recordConsoleLogin } from '../../domain/audit/console-login.js';
import type { AttemptOutcome } from '../../domain/mfa/attempts.js';
import { listMfaDevices } from '../../domain/mfa/devices.js';
import { verifyAndConsume } from '../../domain/mfa/verify.js';
import type { MfaDevice, User } from '../../domain/types.js';
import type { Console } from '../context.js';
import { field } from '../form.js';
import { checkedOf, requireStage, sessionOf } from '../guard.js';
import { html, type SafeHtml } from '../html.js';
import { isSixDigitCode } from '../names.js';
import { seeOther, sendPage } from '../respond.js';
import { endSession, openSession, type ConsoleSession } from '../session.js';
import {
  loginOrigin,
  signInFailed,
  signInSucceeded,
  type SignInFailure,
} from '../signin-events.js';
import { button, csrfInput, input, when } from '../widgets.js';

const REFUSALS: Record<'wrong' | 'replayed', [SignInFailure, string]> = {
  wrong: [
    'wrong-code',
    'The MFA code is not valid. Enter the code your authenticator app shows now. If correct ' +
      "codes keep failing, your device's clock may have drifted: resync it below.",
  ],
  replayed: [
    'replayed-code',
    'That MFA code has already been used. Wait for your app to show a new code, then enter it.',
  ],
};

/**
 * The MFA prompt: the only page a password-verified session opens. The code is checked by the one
 * verify-and-consume; the session is replaced by a signed-in one in the same transaction.
 */
export function registerMfaPrompt(app: FastifyInstance, c: Console): void {
  const guard = { preHandler: requireStage(c, 'awaiting-mfa') };

  app.get('/mfa', guard, async (request, reply) => {
    const session = sessionOf(request);
    const devices = await devicesOf(c, session);
    if (devices.length === 0) return restart(c, reply, session);

    const query = request.query as Record<string, string | undefined>;
    const notice = query.notice === 'resynced' ? RESYNCED : undefined;
    return showPrompt(reply, checkedOf(request).csrf, devices, session.record.mfaSerial, {
      notice,
    });
  });

  app.post('/mfa', guard, async (request, reply) => {
    const { form, csrf } = checkedOf(request);
    const session = sessionOf(request);
    const devices = await devicesOf(c, session);
    if (devices.length === 0) return restart(c, reply, session);

    const device = pickDevice(devices, field(form, 'device') || session.record.mfaSerial);
    const code = field(form, 'code');
    const show = (error: string, status: number): FastifyReply =>
      showPrompt(reply, csrf, devices, device.serialNumber, { error }, status);
    if (!isSixDigitCode(code)) return show('Enter the six-digit code from your app.', 400);

    const outcome = await signInWithCode(c, request, reply, session, device, code);
    if (outcome.ok) {
      signInSucceeded(c, request, mfaFields(session.user!, device));
      return seeOther(reply, '/console/home');
    }

    return refuse(c, request, session.user!, device, outcome, show);
  });
}

export const RESYNCED =
  'Your MFA device is resynchronized. Wait for it to show a new code, then enter that code.';

async function devicesOf(c: Console, session: ConsoleSession): Promise<MfaDevice[]> {
  return (await listMfaDevices(c.deps, session.user!, { maxItems: 100 })).items;
}

export function pickDevice(devices: MfaDevice[], serial: string | null): MfaDevice {
  return devices.find((d) => d.serialNumber === serial) ?? devices[0]!;
}

/** The device was taken away while the prompt was open: the sign-in starts over. */
async function restart(
  c: Console,
  reply: FastifyReply,
  session: ConsoleSession,
): Promise<FastifyReply> {
  await endSession(c.deps, reply, session);
  return seeOther(reply, '/console/signin?notice=expired');
}

async function signInWithCode(
  c: Console,
  request: FastifyRequest,
  reply: FastifyReply,
  session: ConsoleSession,
  device: MfaDevice,
  code: string,
): Promise<AttemptOutcome<unknown>> {
  // A wrong code is committed (it counts toward the lockout); a right one is consumed only if
  // the signed-in session is stored with it.
  return c.deps.store.transaction(async (store) => {
    const deps = { ...c.deps, store };
    const outcome = await verifyAndConsume(deps, device.serialNumber, code);
    // The ConsoleLogin event commits with the attempt the code spent, or with the new session.
    const login = { user: session.user, mfaUsed: true, ...loginOrigin(request) };
    if (!outcome.ok) {
      await recordConsoleLogin(deps, { ...login, success: false });
      return outcome;
    }

    const now = deps.clock();
    const fields = { user: session.user, mfaSerial: device.serialNumber, mfaAuthenticatedAt: now };
    const passwordHash = (await store.loginProfiles.find(session.user!.userId))!.passwordHash;
    const opened = await openSession(
      deps,
      reply,
      { ...fields, stage: 'signed-in', passwordHash },
      session,
    );
    if (!opened) throw new TypeError('the pre-MFA session was replaced concurrently');

    await store.users.touchPasswordUsed(session.user!.userId, now);
    await recordConsoleLogin(deps, { ...login, success: true });
    return outcome;
  });
}

function refuse(
  c: Console,
  request: FastifyRequest,
  user: User,
  device: MfaDevice,
  outcome: AttemptOutcome<unknown> & { ok: false },
  show: (error: string, status: number) => FastifyReply,
): FastifyReply {
  if (outcome.reason === 'locked') {
    signInFailed(c, request, 'device-locked', mfaFields(user, device));
    const until = when(outcome.lockedUntil ?? c.deps.clock());
    return show(
      `Too many wrong codes: this MFA device is locked until ${until}. Try again after that.`,
      429,
    );
  }

  const [reason, message] = REFUSALS[outcome.reason];
  signInFailed(c, request, reason, mfaFields(user, device));
  return show(message, 401);
}

function mfaFields(user: User, device: MfaDevice) {
  return {
    principalType: 'IAMUser' as const,
    userName: user.userName,
    mfaUsed: true,
    serialNumber: device.serialNumber,
  };
}

export function deviceChoice(devices: MfaDevice[], selected: string | null): SafeHtml {
  if (devices.length < 2) return html``;
  const options = devices.map(
    (d) =>
      html`<option value="${d.serialNumber}" ${d.serialNumber === selected ? html` selected` : ''}>
        ${d.name}
      </option>`,
  );
  return html`<div class="field">
    <label for="f-device">MFA device</label>
    <select id="f-device" name="device">
      ${options}
    </select>
  </div>`;
}

function showPrompt(
  reply: FastifyReply,
  csrf: string,
  devices: MfaDevice[],
  selected: string | null,
  messages: { error?: string; notice?: string },
  status = 200,
): FastifyReply {
  const body = html`<p>Enter the code your authenticator app shows for this account.</p>
    <form method="post" action="/console/mfa">
      ${csrfInput(csrf)} ${deviceChoice(devices, selected)}
      ${input({ label: 'MFA code', name: 'code', otp: true, autofocus: true })}
      <div class="actions">${button('Submit')}</div>
    </form>
    <p class="muted">Codes keep failing? <a href="/console/mfa/resync">Resync MFA device</a></p>
    <form method="post" action="/console/signout">
      ${csrfInput(csrf)}${button('Cancel', 'secondary')}
    </form>`;
  const page = { title: 'Multi-factor authentication', body, narrow: true, ...messages };
  return sendPage(reply, page, status);
}
