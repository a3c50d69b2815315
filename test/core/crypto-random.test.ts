import { describe, expect, it } from 'vitest';

import { pooledRandom } from '../../src/core/crypto/random.js';

describe('pooledRandom', () => {
  it('never hands out the same bytes twice, across refills', () => {
    const random = pooledRandom(64);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const bytes = random(16);
      expect(bytes).toHaveLength(16);
      seen.add(bytes.toString('hex'));
    }
    expect(seen.size).toBe(200);
  });

  it('gives each caller its own buffer, not a view of the pool', () => {
    const random = pooledRandom(64);
    const first = random(8);
    const copy = Buffer.from(first);
    for (let i = 0; i < 20; i++) random(8);
    expect(first.equals(copy)).toBe(true);
  });

  it('draws large requests directly, whole', () => {
    const random = pooledRandom(64);
    const big = random(1000);
    expect(big).toHaveLength(1000);
    expect(big.equals(Buffer.alloc(1000))).toBe(false);
  });

  it('spreads bytes evenly (no value missing from a large sample)', () => {
    const random = pooledRandom();
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 2000; i++) for (const byte of random(32)) counts[byte]!++;
    expect(Math.min(...counts)).toBeGreaterThan(150);
    expect(Math.max(...counts)).toBeLessThan(350);
  });
});
