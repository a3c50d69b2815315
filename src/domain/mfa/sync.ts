import { isCodeFormat, timeStep, totpAt } from '../../core/otp/index.js';
import { safeEqual } from '../../core/crypto/index.js';

/**
 * Finds the step t, nearest the server's step first, at which `code1` is the code of t and
 * `code2` the code of t + 1: the proof that an authenticator app holds the seed and that its clock
 * is within the window. Returns t + 1 (the step the device is now known to have reached), or null.
 */
export function findConsecutivePair(
  seed: Buffer,
  code1: string,
  code2: string,
  nowMs: number,
  radius: number,
): number | null {
  if (!isCodeFormat(code1) || !isCodeFormat(code2) || code1 === code2) return null;

  const centre = timeStep(nowMs);
  for (let distance = 0; distance <= radius; distance++) {
    for (const step of distance === 0 ? [centre] : [centre - distance, centre + distance]) {
      if (step < 1) continue;
      if (safeEqual(totpAt(seed, step - 1), code1) && safeEqual(totpAt(seed, step), code2)) {
        return step;
      }
    }
  }
  return null;
}
