import { createHmac } from 'node:crypto';

export type OtpAlgorithm = 'sha1' | 'sha256' | 'sha512';

/**
 * HOTP (RFC 4226 §5.3). Hand-written rather than taken from a library: it is the product's own
 * verification logic, it runs on every sign-in, and it is a dozen lines over node:crypto.
 * The code is returned as a string because leading zeros are part of it.
 */
export function hotp(
  key: Uint8Array,
  counter: number,
  digits = 6,
  algorithm: OtpAlgorithm = 'sha1',
): string {
  return String(hotpValue(key, counter, digits, algorithm)).padStart(digits, '0');
}

/**
 * The HOTP code as a number (leading zeros dropped): what verification compares, so that checking
 * a window of steps builds no strings or buffers per step.
 */
export function hotpValue(
  key: Uint8Array,
  counter: number,
  digits = 6,
  algorithm: OtpAlgorithm = 'sha1',
): number {
  if (!Number.isSafeInteger(counter) || counter < 0) {
    throw new TypeError('HOTP counter must be a non-negative safe integer');
  }

  const message = Buffer.alloc(8);
  message.writeUInt32BE(Math.floor(counter / 0x1_0000_0000), 0);
  message.writeUInt32BE(counter >>> 0, 4);
  const mac = createHmac(algorithm, key).update(message).digest();

  const offset = mac[mac.length - 1]! & 0x0f;
  return (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
}
