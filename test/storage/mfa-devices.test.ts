import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { MfaDevice, User } from '../../src/domain/types.js';
import { openStore } from '../../src/storage/index.js';
import type { KyselyStore } from '../../src/storage/kysely-store.js';
import { storeBackends } from '../support/backends.js';

const SERIAL = 'arn:aws:iam::123456789012:mfa/phone';
const NOW = Date.UTC(2026, 0, 1);
const MAX = 5;

function user(userId: string): User {
  return { userId, userName: userId, path: '/', createdAt: NOW, passwordLastUsed: null };
}

function device(serialNumber = SERIAL): MfaDevice {
  return {
    serialNumber,
    name: serialNumber.split('/').at(-1)!,
    path: '/',
    seedSealed: 'sealed',
    userId: null,
    enabledAt: null,
    createdAt: NOW,
    lastStep: null,
    drift: 0,
    failedAttempts: 0,
    lockouts: 0,
    lockedUntil: 0,
  };
}

const times = <T>(n: number, make: (i: number) => Promise<T>): Promise<T[]> =>
  Promise.all(Array.from({ length: n }, (_, i) => make(i)));

/**
 * The conditional statements verify-and-consume is built from. On PostgreSQL the concurrent cases
 * run on a pool of connections under READ COMMITTED, so each guard is checked against rows other
 * transactions are changing at the same moment.
 */
describe.each(storeBackends())('MFA device rows on $name', (backend) => {
  let store: KyselyStore;
  const rows = () => store.mfaDevices;
  const find = async (): Promise<MfaDevice> => (await rows().find(SERIAL))!;

  beforeEach(async () => {
    store = await openStore(await backend.fresh());
    await store.users.insert(user('alice'), []);
    await store.users.insert(user('bob'), []);
    await rows().insert(device(), [{ key: 'team', value: 'blue' }]);
  });

  afterEach(async () => {
    await store.close();
  });

  it('assign binds an unassigned device with its enable date, step and drift', async () => {
    expect(await rows().assign(SERIAL, 'alice', NOW, 100, -2)).toBe(true);
    expect(await find()).toMatchObject({
      userId: 'alice',
      enabledAt: NOW,
      lastStep: 100,
      drift: -2,
    });

    expect(await rows().assign(SERIAL, 'bob', NOW, 200, 0)).toBe(false);
    expect((await find()).userId).toBe('alice');
  });

  it('assign refuses steps at or below the last used one, even after unassign', async () => {
    await rows().assign(SERIAL, 'alice', NOW, 100, 0);
    expect(await rows().unassign(SERIAL, 'bob')).toBe(false);
    expect(await rows().unassign(SERIAL, 'alice')).toBe(true);
    expect(await find()).toMatchObject({ userId: null, enabledAt: null, lastStep: 100 });

    // The pair's first code (step - 1) must be later than the last used step.
    expect(await rows().assign(SERIAL, 'alice', NOW, 101, 0)).toBe(false);
    expect(await rows().assign(SERIAL, 'alice', NOW, 102, 0)).toBe(true);
  });

  it('invariant: of concurrent assigns of one device, exactly one wins', async () => {
    const won = await times(20, (i) => rows().assign(SERIAL, i % 2 ? 'bob' : 'alice', NOW, 50, 0));
    expect(won.filter(Boolean)).toHaveLength(1);

    const winner = won.indexOf(true) % 2 ? 'bob' : 'alice';
    expect((await find()).userId).toBe(winner);
  });

  it('resync moves an assigned device forward only', async () => {
    await rows().assign(SERIAL, 'alice', NOW, 100, 0);
    expect(await rows().resync(SERIAL, 'bob', 110, 3)).toBe(false);
    expect(await rows().resync(SERIAL, 'alice', 101, 3)).toBe(false);
    expect(await rows().resync(SERIAL, 'alice', 110, 3)).toBe(true);
    expect(await find()).toMatchObject({ lastStep: 110, drift: 3 });
  });

  it('invariant: of concurrent consumptions of one step, exactly one wins', async () => {
    await rows().assign(SERIAL, 'alice', NOW, 100, 0);

    const won = await times(25, () => rows().consumeStep(SERIAL, 101));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await rows().consumeStep(SERIAL, 101)).toBe(false);
    expect(await rows().consumeStep(SERIAL, 100)).toBe(false);
    expect(await rows().consumeStep(SERIAL, 102)).toBe(true);
  });

  it('a device deactivated meanwhile consumes no step', async () => {
    await rows().assign(SERIAL, 'alice', NOW, 100, 0);
    await rows().unassign(SERIAL, 'alice');

    expect(await rows().consumeStep(SERIAL, 101)).toBe(false);
    expect((await find()).lastStep).toBe(100);
  });

  it('invariant: concurrent reservations never exceed the attempt budget', async () => {
    const taken = await times(40, () => rows().reserveAttempt(SERIAL, NOW, MAX));
    const granted = taken.filter((d) => d !== undefined);

    expect(granted).toHaveLength(MAX);
    expect(granted.map((d) => d.failedAttempts).sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await find()).failedAttempts).toBe(MAX);
  });

  it('a spent budget locks the device; after the lock a fresh budget starts', async () => {
    for (let i = 0; i < MAX - 1; i++) await rows().reserveAttempt(SERIAL, NOW, MAX);
    expect(await rows().lockIfSpent(SERIAL, MAX, NOW + 60_000)).toBe(false);

    await rows().reserveAttempt(SERIAL, NOW, MAX);
    expect(await rows().lockIfSpent(SERIAL, MAX, NOW + 60_000)).toBe(true);
    expect(await find()).toMatchObject({
      failedAttempts: 0,
      lockouts: 1,
      lockedUntil: NOW + 60_000,
    });

    expect(await rows().reserveAttempt(SERIAL, NOW + 59_999, MAX)).toBeUndefined();
    expect(await rows().reserveAttempt(SERIAL, NOW + 60_000, MAX)).toMatchObject({
      failedAttempts: 1,
    });
  });

  it('a consumed step resets the budget and the lockout count', async () => {
    await rows().assign(SERIAL, 'alice', NOW, 100, 0);
    await rows().reserveAttempt(SERIAL, NOW, MAX);
    await rows().reserveAttempt(SERIAL, NOW, MAX);

    await rows().consumeStep(SERIAL, 101);
    expect(await find()).toMatchObject({ failedAttempts: 0, lockouts: 0 });
  });

  it('deleteUnassigned refuses an assigned device and takes the tags with it', async () => {
    await rows().assign(SERIAL, 'alice', NOW, 100, 0);
    expect(await rows().deleteUnassigned(SERIAL)).toBe(false);

    await rows().unassign(SERIAL, 'alice');
    expect(await rows().deleteUnassigned(SERIAL)).toBe(true);
    expect(await rows().find(SERIAL)).toBeUndefined();
    expect(await rows().tags(SERIAL)).toEqual([]);
  });

  it('putTags writes to an existing device only', async () => {
    expect(await rows().putTags(SERIAL, [{ key: 'Team', value: 'red' }])).toBe(true);
    expect(await rows().tags(SERIAL)).toEqual([{ key: 'Team', value: 'red' }]);
    expect(await rows().putTags(`${SERIAL}-gone`, [{ key: 'a', value: 'b' }])).toBe(false);
    expect(await rows().tags(`${SERIAL}-gone`)).toEqual([]);
  });

  it('invariant: tags written while the device is deleted are not left behind', async () => {
    for (let round = 0; round < 15; round++) {
      const serial = `${SERIAL}-${round}`;
      await rows().insert(device(serial), []);
      const tags = [{ key: `k${round}`, value: 'v' }];

      await Promise.all([
        store.transaction((s) => s.mfaDevices.putTags(serial, tags)),
        store.transaction((s) => s.mfaDevices.deleteUnassigned(serial)),
      ]);
      expect(await rows().find(serial)).toBeUndefined();
      expect(await rows().tags(serial)).toEqual([]);
    }
  });
});
