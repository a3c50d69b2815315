import { findStep, timeStep } from '../../core/otp/index.js';
import type { Deps } from '../context.js';
import { withAttempt, type AttemptOutcome } from './attempts.js';
import { openSeed } from './seed.js';

/**
 * The one verify-and-consume: every door that asks for a code (STS, console sign-in, policies
 * demanding MFA) calls this. The code must match a step within the window around the device's
 * expected step (the server's step plus the drift found at enable or resync), and that step must
 * be later than every step accepted before; recording it is one conditional update, so two
 * requests carrying the same code let exactly one through.
 */
export function verifyAndConsume(
  deps: Deps,
  serialNumber: string,
  code: string,
): Promise<AttemptOutcome<{ step: number }>> {
  return withAttempt(deps, serialNumber, async (device, attempt) => {
    const expected = timeStep(deps.clock()) + device.drift;
    const step = findStep(
      openSeed(deps, device),
      code,
      expected,
      deps.settings.mfa.verifyWindowSteps,
    );
    if (step === null) return { ok: false, reason: 'wrong' };

    if (!(await attempt.store.mfaDevices.consumeStep(serialNumber, step))) {
      return { ok: false, reason: 'replayed' };
    }
    return { ok: true, value: { step } };
  });
}
