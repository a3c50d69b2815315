import { HOTP, Secret } from 'otpauth';

/**
 * The code an authenticator app shows at a time step, computed with the otpauth library rather
 * than Tessera's own code, so the load also checks that the two agree.
 */
export function codeAt(seed: Buffer, step: number): string {
  const buffer = seed.buffer.slice(seed.byteOffset, seed.byteOffset + seed.length);
  return HOTP.generate({
    secret: new Secret({ buffer: buffer as ArrayBuffer }),
    counter: step,
    digits: 6,
    algorithm: 'SHA1',
  });
}

export function stepNow(nowMs = Date.now()): number {
  return Math.floor(nowMs / 30_000);
}
