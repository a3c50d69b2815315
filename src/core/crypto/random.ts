import { randomBytes } from 'node:crypto';

/** A source of random bytes. Only the shell passes the real one; tests pin it. */
export type RandomSource = (size: number) => Buffer;

export const systemRandom: RandomSource = (size) => randomBytes(size);

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
