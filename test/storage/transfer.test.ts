import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { base32Decode, timeStep, totpAt } from '../../src/core/otp/index.js';
import { createAccessKey } from '../../src/domain/access-keys.js';
import { createLoginProfile } from '../../src/domain/login-profiles.js';
import { createVirtualMfaDevice, tagMfaDevice } from '../../src/domain/mfa/devices.js';
import { enableMfaDevice } from '../../src/domain/mfa/enable.js';
import { verifyAndConsume } from '../../src/domain/mfa/verify.js';
import { createUser } from '../../src/domain/users.js';
import { openStore } from '../../src/storage/index.js';
import type { KyselyStore } from '../../src/storage/kysely-store.js';
import { parseDump, type Dump } from '../../src/storage/transfer/dump.js';
import { exportDump } from '../../src/storage/transfer/export.js';
import { importDump } from '../../src/storage/transfer/import.js';
import { TransferError } from '../../src/storage/transfer/errors.js';
import { tablesInOrder } from '../../src/storage/transfer/tables.js';
import { storeBackends, type StoreBackend } from '../support/backends.js';
import { testDeps, type TestDeps } from '../support/deps.js';

const backends = storeBackends();
const byName = (name: string): StoreBackend => backends.find((b) => b.name === name)!;

/** A table of the test's own with a serial column, standing in for any later migration's. */
async function createProbe(store: KyselyStore): Promise<void> {
  const seq = store.dialect === 'postgres' ? 'bigserial' : 'integer';
  const extra = store.dialect === 'sqlite' ? ' autoincrement' : '';
  await sql
    .raw(`create table transfer_probe (seq ${seq} primary key${extra}, note text not null)`)
    .execute(store.db);
}

async function snapshot(store: KyselyStore): Promise<Record<string, string[]>> {
  const db = store.db as Kysely<any>;
  const out: Record<string, string[]> = {};
  for (const table of await tablesInOrder(db, store.dialect)) {
    const rows = await db.selectFrom(table.name).select(table.columns).execute();
    out[table.name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return out;
}

async function dumpOf(store: KyselyStore): Promise<Dump> {
  let text = '';
  await exportDump(store, async (chunk) => {
    text += chunk;
  });
  return parseDump(text);
}

describe.each([
  ['sqlite', 'postgres'],
  ['postgres', 'sqlite'],
])('export from %s, import into %s', (from, to) => {
  let source: TestDeps;
  let target: KyselyStore;
  let seed: Buffer;
  let serial: string;
  const code = (offset = 0): string => totpAt(seed, timeStep(source.clock()) + offset);

  beforeEach(async () => {
    source = await testDeps(await byName(from).fresh());
    target = await openStore(await byName(to).fresh());
    await createProbe(source.store as KyselyStore);
    await createProbe(target);

    const alice = await createUser(source, { userName: 'alice', path: '/eng/', tags: [] });
    await createAccessKey(source, alice.userId);
    const login = { userName: 'alice', password: 'Correct-Horse-9', passwordResetRequired: true };
    await createLoginProfile(source, login);
    await source.store.groups.insert({
      groupId: 'AGPA1',
      groupName: 'ops',
      path: '/',
      createdAt: 1,
    });
    await source.store.groups.addMember('AGPA1', alice.userId);

    const device = await createVirtualMfaDevice(source, { name: 'alice', path: '/', tags: [] });
    seed = base32Decode(device.base32Seed)!;
    serial = device.device.serialNumber;
    const pair = { code1: code(-1), code2: code(0) };
    await enableMfaDevice(source, { userName: 'alice', serialNumber: serial, ...pair });
    await tagMfaDevice(source, serial, [{ key: 'owner', value: 'alice' }]);
    source.clock.advance(30_000);

    for (const note of ['a', 'b', 'c']) {
      await sql`insert into transfer_probe (note) values (${note})`.execute(
        (source.store as KyselyStore).db,
      );
    }
  });

  afterEach(async () => {
    await source.store.close();
    await target.close();
  });

  it('copies every table row for row, sealed values as they are', async () => {
    const summary = await importDump(target, await dumpOf(source.store as KyselyStore));

    expect(summary.rows).toBeGreaterThan(10);
    expect(await snapshot(target)).toEqual(await snapshot(source.store as KyselyStore));
  });

  it('devices still work afterwards under the same master key', async () => {
    await importDump(target, await dumpOf(source.store as KyselyStore));
    const copied = { ...source, store: target };

    expect(await verifyAndConsume(copied, serial, code(-1))).toMatchObject({ reason: 'replayed' });
    expect(await verifyAndConsume(copied, serial, code())).toMatchObject({ ok: true });
  });

  it('serial columns continue after the copied rows', async () => {
    await importDump(target, await dumpOf(source.store as KyselyStore));

    await sql`insert into transfer_probe (note) values ('next')`.execute(target.db);
    const { rows } = await sql<{ seq: number }>`
      select seq from transfer_probe where note = 'next'`.execute(target.db);
    expect(Number(rows[0]!.seq)).toBe(4);
  });

  it('refuses a target that already holds an account, and changes nothing', async () => {
    const dump = await dumpOf(source.store as KyselyStore);
    await importDump(target, dump);
    await createUser({ ...source, store: target }, { userName: 'bob', path: '/', tags: [] });
    const before = await snapshot(target);

    await expect(importDump(target, dump)).rejects.toThrow(/already holds account/);
    expect(await snapshot(target)).toEqual(before);
  });

  it('refuses a dump made at another schema', async () => {
    const dump = await dumpOf(source.store as KyselyStore);
    dump.migrations = dump.migrations.slice(0, -1);

    await expect(importDump(target, dump)).rejects.toThrow(TransferError);
  });
});

describe('reading a dump', () => {
  it('refuses anything that is not a Tessera dump', () => {
    for (const text of ['', 'not json', '{}', '{"format":"tessera-dump","version":2}']) {
      expect(() => parseDump(text)).toThrow(TransferError);
    }
    const ragged = { format: 'tessera-dump', version: 1, migrations: [], tables: [] as unknown[] };
    ragged.tables.push({ name: 't', columns: ['a', 'b'], rows: [[1]] });
    expect(() => parseDump(JSON.stringify(ragged))).toThrow(/do not match its columns/);
  });
});
