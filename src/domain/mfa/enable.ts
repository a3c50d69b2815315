import { timeStep } from '../../core/otp/index.js';
import type { Deps } from '../context.js';
import { EntityAlreadyExists, InvalidAuthenticationCode, LimitExceeded } from '../errors.js';
import type { User } from '../types.js';
import { requireUser } from '../users.js';
import { withAttempt, type AttemptOutcome } from './attempts.js';
import { noSuchDevice, requireDevice } from './devices.js';
import { openSeed } from './seed.js';
import { findConsecutivePair } from './sync.js';

export interface SyncInput {
  userName: string;
  serialNumber: string;
  code1: string;
  code2: string;
}

const INVALID_CODES = 'Authentication code for device is not valid.';

/** Turns a refused attempt into the error the API and console both show. */
export function refusal(outcome: AttemptOutcome<unknown>): InvalidAuthenticationCode {
  if (!outcome.ok && outcome.reason === 'locked') {
    const until = new Date(outcome.lockedUntil ?? 0).toISOString();
    return new InvalidAuthenticationCode(
      `Too many invalid authentication codes for this device. Try again after ${until}.`,
    );
  }
  return new InvalidAuthenticationCode(INVALID_CODES);
}

/**
 * EnableMFADevice: binds an unassigned device to a user once two consecutive codes prove the app
 * holds the seed. The step reached and the clock drift are stored in the same conditional update
 * that assigns the device, so the codes used here can never be used again.
 */
export async function enableMfaDevice(deps: Deps, input: SyncInput): Promise<void> {
  const user = await requireUser(deps, input.userName);
  const device = await requireDevice(deps, input.serialNumber);
  if (device.userId !== null) {
    throw new EntityAlreadyExists('MFA Device is already in use.');
  }
  await checkDeviceLimit(deps, user);

  const outcome = await proveCodes(deps, input, (attempt, step, drift, now) =>
    attempt.store.mfaDevices.assign(device.serialNumber, user.userId, now, step, drift),
  );

  if (!outcome.ok) {
    const latest = await deps.store.mfaDevices.find(device.serialNumber);
    if (latest && latest.userId !== null && outcome.reason === 'replayed') {
      throw new EntityAlreadyExists('MFA Device is already in use.');
    }
    throw refusal(outcome);
  }
}

/** ResyncMFADevice: two fresh consecutive codes re-establish the drift of an assigned device. */
export async function resyncMfaDevice(deps: Deps, input: SyncInput): Promise<void> {
  const user = await requireUser(deps, input.userName);
  const device = await requireDevice(deps, input.serialNumber);
  if (device.userId !== user.userId) throw noSuchDevice(input.serialNumber);

  const outcome = await proveCodes(deps, input, (attempt, step, drift) =>
    attempt.store.mfaDevices.resync(device.serialNumber, user.userId, step, drift),
  );

  if (!outcome.ok) throw refusal(outcome);
}

/**
 * One attempt at proving the app holds the seed: finds the two consecutive steps the codes belong
 * to, then lets `record` store the step reached and the drift in one conditional update (which
 * refuses steps already used, so these codes can never be used again), through the attempt's
 * deps so that it joins the attempt's transaction.
 */
function proveCodes(
  deps: Deps,
  input: SyncInput,
  record: (attempt: Deps, step: number, drift: number, now: number) => Promise<boolean>,
): Promise<AttemptOutcome<number>> {
  return withAttempt(deps, input.serialNumber, async (device, attempt) => {
    const now = deps.clock();
    const seed = openSeed(deps, device);
    const { syncWindowSteps } = deps.settings.mfa;
    const step = findConsecutivePair(seed, input.code1, input.code2, now, syncWindowSteps);
    if (step === null) return { ok: false, reason: 'wrong' };

    const recorded = await record(attempt, step, step - timeStep(now), now);
    return recorded ? { ok: true, value: step } : { ok: false, reason: 'replayed' };
  });
}

async function checkDeviceLimit(deps: Deps, user: User): Promise<void> {
  await deps.store.users.lock(user.userId);
  const count = await deps.store.mfaDevices.countForUser(user.userId);
  if (count >= deps.settings.mfa.maxDevicesPerUser) {
    throw new LimitExceeded(
      `Cannot exceed quota for MFADevicesPerUser: ${deps.settings.mfa.maxDevicesPerUser}`,
    );
  }
}
