import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

import { base32Decode, timeStep, totpAt } from '../../src/core/otp/index.js';

// jsqr is a CommonJS bundle whose typings declare an ES default export; take whichever is there.
type Decoder = (typeof jsQRModule)['default'];
const jsQR: Decoder =
  (jsQRModule as unknown as { default?: Decoder }).default ?? (jsQRModule as unknown as Decoder);

/** Reads a QR code PNG the way a phone camera would, returning the text it holds. */
export function decodeQrPng(png: Buffer): string {
  const image = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!found) throw new Error('no QR code found in the PNG');
  return found.data;
}

export function secretFromKeyUri(uri: string): string {
  const secret = new URL(uri).searchParams.get('secret');
  if (!secret) throw new Error(`no secret in ${uri}`);
  return secret;
}

/** What an authenticator app shows for `seed` at `offsetSteps` from now. */
export function codeAt(seedBase32: string, offsetSteps = 0, nowMs = Date.now()): string {
  const seed = base32Decode(seedBase32);
  if (!seed) throw new Error('seed is not base32');
  return totpAt(seed, timeStep(nowMs) + offsetSteps);
}

/** A six-digit code that is not the seed's code for any step near now. */
export function wrongCode(seedBase32: string, nowMs = Date.now()): string {
  const near = new Set(Array.from({ length: 41 }, (_, i) => codeAt(seedBase32, i - 20, nowMs)));
  for (let n = 0; ; n++) {
    const candidate = String((123456 + n * 7919) % 1_000_000).padStart(6, '0');
    if (!near.has(candidate)) return candidate;
  }
}

/**
 * Two consecutive codes for enabling a device, chosen so that a step boundary passing during the
 * test cannot make them stale: waits out the last two seconds of a step if needed.
 */
export async function freshPair(seedBase32: string): Promise<[string, string]> {
  const intoStep = (Date.now() / 1000) % 30;
  if (intoStep > 28) await new Promise((r) => setTimeout(r, (30 - intoStep) * 1000 + 100));
  return [codeAt(seedBase32, -1), codeAt(seedBase32, 0)];
}
