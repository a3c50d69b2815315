import { randomFillSync } from 'node:crypto';

/** A source of random bytes. Only the shell passes the real one; tests pin it. */
export type RandomSource = (size: number) => Buffer;

/** Bytes drawn from the kernel at once; requests above a quarter of it bypass the pool. */
const POOL_BYTES = 4096;

/**
 * The operating system's CSPRNG, drawn a page at a time: every request needs a few small ids, and
 * one call into OpenSSL per id cost more than the rest of id making. Each caller gets its own
 * copy and the pool wipes what it handed out, so no byte is ever given twice or kept in memory
 * after use. Node's randomUUID pools the same way.
 */
export function pooledRandom(poolBytes = POOL_BYTES): RandomSource {
  const pool = Buffer.alloc(poolBytes);
  let used = poolBytes;

  return (size) => {
    if (size > poolBytes / 4) return randomFillSync(Buffer.alloc(size));
    if (used + size > poolBytes) {
      randomFillSync(pool);
      used = 0;
    }

    const out = Buffer.from(pool.subarray(used, used + size));
    pool.fill(0, used, used + size);
    used += size;
    return out;
  };
}

export const systemRandom: RandomSource = pooledRandom();

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Maps random bytes onto an alphabet whose size divides 256, so no character is favoured. */
function randomText(random: RandomSource, alphabet: string, length: number): string {
  if (256 % alphabet.length !== 0) throw new TypeError('alphabet size must divide 256');
  const bytes = random(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** AWS-shaped identifiers: a four-letter prefix (AKIA, ASIA, AIDA, ANPA, AGPA) and 16 more. */
export function newId(random: RandomSource, prefix: string): string {
  return prefix + randomText(random, KEY_ALPHABET, 16);
}

/** 40 characters of base64 alphabet (240 bits), the shape of an AWS secret access key. */
export function newSecretAccessKey(random: RandomSource): string {
  return randomText(random, SECRET_ALPHABET, 40);
}

/** A 12-digit account id that does not start with 0 (AWS ids are printed as numbers by tools). */
export function newAccountId(random: RandomSource): string {
  const bytes = random(12);
  let out = String(1 + (bytes[0]! % 9));
  for (let i = 1; i < 12; i++) out += String(bytes[i]! % 10);
  return out;
}

/** An opaque token for cookies and session tokens: url-safe base64 of `bytes` random bytes. */
export function newToken(random: RandomSource, bytes = 32): string {
  return random(bytes).toString('base64url');
}
