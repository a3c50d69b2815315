import { createHash, createHmac } from 'node:crypto';

import { LruCache } from '../cache/index.js';

import type { Credential } from './types.js';

function hmac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** SigV4 step 3: the key for one secret, day, region and service. */
export function deriveSigningKey(
  secret: string,
  date: string,
  region: string,
  service: string,
): Buffer {
  const kDate = hmac(Buffer.from(`AWS4${secret}`, 'utf8'), date);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}

/**
 * Derived keys for recent scopes. A key changes once a day per access key, region and service,
 * so caching saves four HMACs on nearly every request. The cache is keyed by a digest of the
 * secret as well, so a rotated or replaced secret can never be answered with the old key; the
 * digest, not the secret, is what the map holds. Least recently used entries go first.
 */
export class SigningKeyCache {
  readonly #keys: LruCache<string, Buffer>;

  constructor(maxEntries = 1024) {
    this.#keys = new LruCache(maxEntries);
  }

  /** The derived key; shared with later callers, so it must not be written to. */
  get(secret: string, cred: Credential): Buffer {
    // JSON keeps the fields apart whatever they contain, so no two scopes share an id.
    const fingerprint = createHash('sha256').update(secret, 'utf8').digest('base64');
    const id = JSON.stringify([
      cred.accessKeyId,
      fingerprint,
      cred.date,
      cred.region,
      cred.service,
    ]);
    return this.#keys.getOrMake(id, () =>
      deriveSigningKey(secret, cred.date, cred.region, cred.service),
    );
  }

  get size(): number {
    return this.#keys.size;
  }
}
