import { scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

import type { RandomSource } from './random.js';

/**
 * Password hashing with scrypt from node:crypto (argon2id is not in Node 20's crypto). The cost is
 * OWASP's recommendation for scrypt: N=2^17, r=8, p=1 (128 MiB). Parameters travel inside the hash,
 * so raising the cost later does not break existing passwords.
 */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const OWASP_SCRYPT: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;

/**
 * Each derivation holds 128 MiB, so a burst of sign-ins could take gigabytes: at most two run at
 * once (one per core of a small machine) and the rest wait their turn, which keeps memory bounded
 * and costs nothing in throughput, since the work is CPU-bound anyway.
 */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((turn) => waiting.push(turn));
  running++;
  try {
    return await scryptOnce(password, salt, cost);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function scryptOnce(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(
  password: string,
  random: RandomSource,
  cost: ScryptCost = OWASP_SCRYPT,
): Promise<string> {
  const salt = random(SALT_BYTES);
  const key = await derive(password, salt, cost);
  const params = `N=${cost.N},r=${cost.r},p=${cost.p}`;
  return `$scrypt$${params}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

function parseHash(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const match = /^\$scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored);
  if (!match) return null;

  const [, n, r, p, salt, key] = match;
  return {
    cost: { N: Number(n), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt!, 'base64url'),
    key: Buffer.from(key!, 'base64url'),
  };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) throw new TypeError('stored password hash is not in a known format');

  const key = await derive(password, parsed.salt, parsed.cost);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** Burns the same work as a verification, so an unknown user answers as slowly as a known one. */
export async function dummyVerify(password: string): Promise<void> {
  await derive(password, Buffer.alloc(SALT_BYTES), OWASP_SCRYPT);
}
