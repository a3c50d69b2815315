import { createHash, createHmac } from 'node:crypto';

import type { Credential } from './types.js';

/** SigV4 step 3: the key for one secret, day, region and service. */
export function deriveSigningKey(
  secret: string,
  date: string,
  region: string,
  service: string,
): Buffer {
  const kDate = createHmac('sha256', `AWS4${secret}`).update(date).digest();
  const kRegion = createHmac('sha256', kDate).update(region).digest();
  const kService = createHmac('sha256', kRegion).update(service).digest();
  return createHmac('sha256', kService).update('aws4_request').digest();
}

/**
 * Derived keys change once a day per key, region and service, so caching them saves four HMACs
 * on every request. The cache key includes a digest of the secret, so a key whose secret changed
 * never reuses the old derivation; the map is bounded and evicts the least recently used.
 */
export class SigningKeyCache {
  readonly #entries = new Map<string, Buffer>();
  readonly #maxEntries: number;

  constructor(maxEntries = 10_000) {
    this.#maxEntries = maxEntries;
  }

  get(secret: string, cred: Credential): Buffer {
    const fingerprint = createHash('sha256').update(secret).digest('base64');
    const id = `${cred.accessKeyId}\n${fingerprint}\n${cred.date}\n${cred.region}\n${cred.service}`;

    const hit = this.#entries.get(id);
    if (hit) {
      this.#entries.delete(id);
      this.#entries.set(id, hit);
      return hit;
    }

    const key = deriveSigningKey(secret, cred.date, cred.region, cred.service);
    this.#entries.set(id, key);
    if (this.#entries.size > this.#maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
    return key;
  }

  get size(): number {
    return this.#entries.size;
  }
}
