import { describe, expect, it } from 'vitest';

import { hashPassword, verifyPassword } from '../../src/core/crypto/index.js';
import { seededRandom } from '../support/deps.js';

describe('scrypt password hashes', () => {
  const random = seededRandom('passwords');
  const cheap = { N: 2 ** 10, r: 8, p: 1 };

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('Correct-Horse-9', random, cheap);
    expect(stored).toMatch(/^\$scrypt\$N=1024,r=8,p=1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('Correct-Horse-9', stored)).toBe(true);
    expect(await verifyPassword('Correct-Horse-8', stored)).toBe(false);
  });

  it('hashes at OWASP cost by default and never holds the password in the hash', async () => {
    const stored = await hashPassword('Correct-Horse-9', random);
    expect(stored.startsWith('$scrypt$N=131072,r=8,p=1$')).toBe(true);
    expect(stored).not.toContain('Correct');
  });

  it('a burst of hashes completes (they take turns instead of all holding memory at once)', async () => {
    const hashes = await Promise.all(
      Array.from({ length: 6 }, (_, i) => hashPassword(`pw-${i}-Aa1!`, random, cheap)),
    );
    expect(new Set(hashes).size).toBe(6);
    expect(await verifyPassword('pw-5-Aa1!', hashes[5]!)).toBe(true);
  });

  it('a stored hash in an unknown format is a programming error', async () => {
    await expect(verifyPassword('x', 'plain')).rejects.toThrow(TypeError);
  });
});
