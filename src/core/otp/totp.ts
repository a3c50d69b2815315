import { hotp, hotpValue, type OtpAlgorithm } from './hotp.js';

export interface TotpParams {
  period: number;
  digits: number;
  algorithm: OtpAlgorithm;
}

export const AWS_TOTP: TotpParams = { period: 30, digits: 6, algorithm: 'sha1' };

/** The RFC 6238 time step that contains `nowMs`. */
export function timeStep(nowMs: number, period = AWS_TOTP.period): number {
  return Math.floor(nowMs / 1000 / period);
}

export function totpAt(key: Uint8Array, step: number, params: TotpParams = AWS_TOTP): string {
  return hotp(key, step, params.digits, params.algorithm);
}

export function isCodeFormat(code: string, digits = AWS_TOTP.digits): boolean {
  return code.length === digits && /^[0-9]+$/.test(code);
}

/**
 * Finds the step in [centre - radius, centre + radius] whose code equals `code`, nearest to
 * `centre` first (the earlier of two at the same distance), so that when two steps in a wide
 * window share a code the likelier one wins. Returns null when none does. Codes are compared as
 * numbers, which takes the same time whatever they hold; which step matched is not a secret.
 */
export function findStep(
  key: Uint8Array,
  code: string,
  centre: number,
  radius: number,
  params: TotpParams = AWS_TOTP,
): number | null {
  if (!isCodeFormat(code, params.digits)) return null;
  const given = Number(code);
  const matches = (step: number): boolean =>
    step >= 0 && hotpValue(key, step, params.digits, params.algorithm) === given;

  if (matches(centre)) return centre;
  for (let distance = 1; distance <= radius; distance++) {
    if (matches(centre - distance)) return centre - distance;
    if (matches(centre + distance)) return centre + distance;
  }
  return null;
}
