import { createCipheriv, createDecipheriv } from 'node:crypto';

import type { RandomSource } from './random.js';

/**
 * AES-256-GCM envelope for secrets at rest (MFA seeds, secret access keys). The associated data
 * binds a sealed value to the record it belongs to, so a sealed seed copied onto another device's
 * row does not open. Format: "v1." + base64url(iv | tag | ciphertext).
 */
const VERSION = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SealError extends Error {}

export class Sealer {
  readonly #key: Buffer;
  readonly #random: RandomSource;

  constructor(key: Buffer, random: RandomSource) {
    if (key.length !== 32) throw new TypeError('master key must be 32 bytes');
    this.#key = Buffer.from(key);
    this.#random = random;
  }

  seal(plaintext: string | Buffer, aad: string): string {
    const iv = this.#random(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(aad));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  open(sealed: string, aad: string): Buffer {
    if (!sealed.startsWith(VERSION)) throw new SealError('unknown sealed value format');
    const raw = Buffer.from(sealed.slice(VERSION.length), 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new SealError('sealed value is truncated');

    const decipher = createDecipheriv('aes-256-gcm', this.#key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new SealError('sealed value does not open under this master key');
    }
  }
}
