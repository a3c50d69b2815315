import type { Deps } from '../context.js';
import type { MfaDevice } from '../types.js';

export type AttemptOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'wrong' | 'replayed' | 'locked'; lockedUntil?: number };

/**
 * The attempt budget around one check of codes. A try is taken from the device's budget before
 * the codes are looked at (one atomic statement), so concurrent guesses, on one instance or many,
 * can never exceed it; a locked device is refused without looking at the codes at all, so the
 * answer says nothing about whether they were right. A success resets the budget (in the consume
 * statement); a spent budget locks the device for a time that doubles with each lock.
 *
 * Reservation, check and consumption share one transaction, and `check` must do its writes
 * through the deps it is given. A request that dies halfway (a lost database connection, a killed
 * process) then leaves the budget, the lock and the used steps exactly as they were.
 */
export async function withAttempt<T>(
  deps: Deps,
  serialNumber: string,
  check: (device: MfaDevice, deps: Deps) => Promise<AttemptOutcome<T>>,
): Promise<AttemptOutcome<T>> {
  const now = deps.clock();
  const { maxFailedAttempts } = deps.settings.mfa;

  const outcome = await deps.store.transaction(async (store) => {
    const device = await store.mfaDevices.reserveAttempt(serialNumber, now, maxFailedAttempts);
    if (!device) return undefined;

    const checked = await check(device, { ...deps, store });
    if (!checked.ok && device.failedAttempts >= maxFailedAttempts) {
      await store.mfaDevices.lockIfSpent(
        serialNumber,
        maxFailedAttempts,
        now + lockMs(deps, device),
      );
    }
    return checked;
  });

  // Every door's check of codes passes here, so this is the one place they are counted.
  deps.observer?.mfaVerification?.(outcome ? (outcome.ok ? 'ok' : outcome.reason) : 'locked');
  if (outcome) return outcome;
  return { ok: false, reason: 'locked', lockedUntil: await lockedUntil(deps, serialNumber) };
}

function lockMs(deps: Deps, device: MfaDevice): number {
  const { lockoutBaseSeconds, lockoutMaxSeconds } = deps.settings.mfa;
  const seconds = Math.min(
    lockoutBaseSeconds * 2 ** Math.min(device.lockouts, 20),
    lockoutMaxSeconds,
  );
  return seconds * 1000;
}

async function lockedUntil(deps: Deps, serialNumber: string): Promise<number | undefined> {
  return (await deps.store.mfaDevices.find(serialNumber))?.lockedUntil;
}
