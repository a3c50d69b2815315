import { createHash } from 'node:crypto';

import { Sealer, type RandomSource } from '../../src/core/crypto/index.js';
import { ensureAccount } from '../../src/domain/account.js';
import { DEFAULT_MFA, type Deps } from '../../src/domain/context.js';
import { openStore } from '../../src/storage/index.js';

/** A clock tests move by hand. */
export interface TestClock {
  (): number;
  set(ms: number): void;
  advance(ms: number): void;
}

export function testClock(start = Date.UTC(2026, 0, 1, 12, 0, 0)): TestClock {
  let now = start;
  const clock = (() => now) as TestClock;
  clock.set = (ms) => (now = ms);
  clock.advance = (ms) => (now += ms);
  return clock;
}

/** Deterministic bytes from a counter, so a test run is repeatable. */
export function seededRandom(seed = 'tessera-tests'): RandomSource {
  let counter = 0;
  return (size) => {
    const out = Buffer.alloc(size);
    for (let offset = 0; offset < size; offset += 32) {
      const block = createHash('sha256').update(`${seed}:${counter++}`).digest();
      block.copy(out, offset, 0, Math.min(32, size - offset));
    }
    return out;
  };
}

export interface TestDeps extends Deps {
  clock: TestClock;
}

/** Domain dependencies over a fresh database (in-memory SQLite unless a location is given). */
export async function testDeps(
  location = ':memory:',
  accountId = '123456789012',
): Promise<TestDeps> {
  const clock = testClock();
  const random = seededRandom(`${location}:${Math.random()}`);
  const sealer = new Sealer(Buffer.alloc(32, 7), random);
  const store = await openStore(location);
  const { account } = await ensureAccount({ store, clock, random, sealer }, accountId);
  return {
    store,
    clock,
    random,
    sealer,
    settings: { accountId: account.accountId, issuer: 'Tessera', mfa: { ...DEFAULT_MFA } },
  };
}
