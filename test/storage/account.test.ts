import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { Sealer } from '../../src/core/crypto/index.js';
import { ensureAccount, MasterKeyMismatch } from '../../src/domain/account.js';
import { openStore } from '../../src/storage/index.js';
import type { KyselyStore } from '../../src/storage/kysely-store.js';
import { appliedMigrations } from '../../src/storage/migrations/index.js';
import { storeBackends } from '../support/backends.js';
import { seededRandom, testClock } from '../support/deps.js';
import { scratchPostgres, type ScratchDatabase } from '../support/postgres.js';

const KEY = Buffer.alloc(32, 7);

function instance(store: KyselyStore, key = KEY, name = 'a') {
  const random = seededRandom(`${name}:${Math.random()}`);
  return { store, clock: testClock(), random, sealer: new Sealer(key, random) };
}

describe.each(storeBackends())('the account on $name', (backend) => {
  let store: KyselyStore;

  beforeEach(async () => {
    store = await openStore(await backend.fresh());
  });

  afterEach(async () => {
    await store.close();
  });

  it('is created once, with its root key, and joined afterwards', async () => {
    const first = await ensureAccount(instance(store), '123456789012');
    expect(first.created).toMatchObject({ accountId: '123456789012' });

    const again = await ensureAccount(instance(store, KEY, 'b'), '999999999999');
    expect(again.created).toBeUndefined();
    expect(again.account).toEqual(first.account);
    expect(await store.accessKeys.listForUser(null)).toHaveLength(1);
  });

  it('refuses a different master key', async () => {
    await ensureAccount(instance(store), undefined);
    await expect(ensureAccount(instance(store, Buffer.alloc(32, 8)), undefined)).rejects.toThrow(
      MasterKeyMismatch,
    );
  });
});

/** Several instances starting together on one PostgreSQL database, each with its own pool. */
describe('instances starting together on PostgreSQL', () => {
  let scratch: ScratchDatabase;
  const stores: KyselyStore[] = [];

  beforeEach(async () => {
    scratch = await scratchPostgres();
  });

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await scratch.drop();
  });

  const open = async (count: number): Promise<KyselyStore[]> => {
    const opened = await Promise.all(Array.from({ length: count }, () => openStore(scratch.url)));
    stores.push(...opened);
    return opened;
  };

  it('invariant: migrating together, all start and each migration runs once', async () => {
    const [first] = await open(6);
    const reference = await openStore(':memory:');
    stores.push(reference);

    const applied = await appliedMigrations(first!.db, 'postgres');
    expect(applied).toEqual(await appliedMigrations(reference.db, 'sqlite'));
    expect(applied.length).toBeGreaterThan(0);
  });

  it('invariant: one account is created, and every instance joins it', async () => {
    const opened = await open(6);
    const results = await Promise.all(
      opened.map((store, i) => ensureAccount(instance(store, KEY, `i${i}`), undefined)),
    );

    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.account.accountId)).size).toBe(1);
    expect(await opened[0]!.accessKeys.listForUser(null)).toHaveLength(1);
  });

  it('an instance with another master key is refused even while racing', async () => {
    const [good, bad] = await open(2);
    const outcomes = await Promise.allSettled([
      ensureAccount(instance(good!), undefined),
      ensureAccount(instance(bad!, Buffer.alloc(32, 9)), undefined),
    ]);

    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(MasterKeyMismatch);
  });
});
