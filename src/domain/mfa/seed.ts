import { base32Encode } from '../../core/otp/index.js';
import type { Deps } from '../context.js';
import type { MfaDevice } from '../types.js';

/** 40 bytes (320 bits): the size of AWS's seeds, 64 base32 characters without padding. */
export const SEED_BYTES = 40;

export function seedAad(serialNumber: string): string {
  return `mfa-seed:${serialNumber}`;
}

export function newSeed(deps: Deps): { seed: Buffer; base32: string } {
  const seed = deps.random(SEED_BYTES);
  return { seed, base32: base32Encode(seed) };
}

export function openSeed(deps: Deps, device: MfaDevice): Buffer {
  return deps.sealer.open(device.seedSealed, seedAad(device.serialNumber));
}
