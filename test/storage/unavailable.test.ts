import { join } from 'node:path';

import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { base32Decode, timeStep, totpAt } from '../../src/core/otp/index.js';
import { createAccessKey } from '../../src/domain/access-keys.js';
import { resolveSigningIdentity } from '../../src/domain/credentials.js';
import { ServiceUnavailable } from '../../src/domain/errors.js';
import { createVirtualMfaDevice } from '../../src/domain/mfa/devices.js';
import { enableMfaDevice } from '../../src/domain/mfa/enable.js';
import { verifyAndConsume } from '../../src/domain/mfa/verify.js';
import { getSessionToken } from '../../src/domain/sts.js';
import { createUser } from '../../src/domain/users.js';
import { openStore } from '../../src/storage/index.js';
import type { KyselyStore } from '../../src/storage/kysely-store.js';
import { isUnavailable } from '../../src/storage/unavailable.js';
import { testDeps, type TestDeps } from '../support/deps.js';
import { scratchPostgres, type ScratchDatabase } from '../support/postgres.js';
import { removeDir, tempDir } from '../support/process.js';
import { startProxy, type TcpProxy } from '../support/tcp-proxy.js';

const coded = (code: string, message = 'x'): Error => Object.assign(new Error(message), { code });

describe('isUnavailable', () => {
  it('recognises lost connections, timeouts, shutdowns and a busy SQLite file', () => {
    for (const error of [
      coded('ECONNREFUSED'),
      coded('ECONNRESET'),
      coded('57P01', 'terminating connection due to administrator command'),
      coded('57014', 'canceling statement due to statement timeout'),
      coded('08006'),
      coded('53300', 'too many connections'),
      coded('40001', 'could not serialize access'),
      coded('SQLITE_BUSY', 'database is locked'),
      coded('SQLITE_BUSY_SNAPSHOT'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new AggregateError([coded('ECONNREFUSED')]),
      new Error('wrapped', { cause: coded('ECONNRESET') }),
    ]) {
      expect(isUnavailable(error), error.message).toBe(true);
    }
  });

  it('leaves refused statements and bugs to be what they are', () => {
    for (const error of [
      coded('23505', 'duplicate key value violates unique constraint'),
      coded('42P01', 'relation does not exist'),
      coded('SQLITE_CONSTRAINT_UNIQUE'),
      new TypeError('x is undefined'),
      'a string',
    ]) {
      expect(isUnavailable(error)).toBe(false);
    }
  });
});

/**
 * PostgreSQL going away under a running instance, played with a proxy in front of the test
 * server: requests fail with ServiceUnavailable (retryable) and change nothing, and the pool
 * reconnects once the server is back.
 */
describe('PostgreSQL lost and back', () => {
  let scratch: ScratchDatabase;
  let proxy: TcpProxy;
  let deps: TestDeps;
  let direct: KyselyStore;
  let seed: Buffer;
  let serial: string;
  const code = (offset = 0): string => totpAt(seed, timeStep(deps.clock()) + offset);

  beforeAll(async () => {
    proxy = await startProxy();
  });

  beforeEach(async () => {
    scratch = await scratchPostgres();
    deps = await testDeps(proxy.via(scratch.url));
    direct = await openStore(scratch.url);

    await createUser(deps, { userName: 'alice', path: '/', tags: [] });
    const created = await createVirtualMfaDevice(deps, { name: 'alice', path: '/', tags: [] });
    seed = base32Decode(created.base32Seed)!;
    serial = created.device.serialNumber;
    const pair = { code1: code(-1), code2: code(0) };
    await enableMfaDevice(deps, { userName: 'alice', serialNumber: serial, ...pair });
    deps.clock.advance(30_000);
  });

  afterEach(async () => {
    proxy.cutOn(undefined);
    await deps.store.close();
    await direct.close();
    await scratch.drop();
  });

  afterAll(async () => {
    await proxy.close();
  });

  it('invariant: a code check cut off by a lost connection consumes nothing', async () => {
    const before = (await direct.mfaDevices.find(serial))!;
    proxy.cutOn('update "mfa_devices" set "last_step"');

    await expect(verifyAndConsume(deps, serial, code())).rejects.toBeInstanceOf(ServiceUnavailable);
    expect(await direct.mfaDevices.find(serial)).toEqual(before);

    proxy.cutOn(undefined);
    expect(await verifyAndConsume(deps, serial, code())).toMatchObject({ ok: true });
  });

  it('invariant: GetSessionToken cut off by a lost connection spends no code', async () => {
    const user = (await deps.store.users.findByName('alice'))!;
    const keyId = (await createAccessKey(deps, user.userId)).key.accessKeyId;
    const caller = (await resolveSigningIdentity(deps, keyId, undefined)).principal;
    const input = { serialNumber: serial, tokenCode: code() };

    proxy.cutOn('insert into "sts_sessions"');
    await expect(getSessionToken(deps, caller, input)).rejects.toBeInstanceOf(ServiceUnavailable);
    expect((await direct.mfaDevices.find(serial))!.failedAttempts).toBe(0);

    proxy.cutOn(undefined);
    const issued = await getSessionToken(deps, caller, input);
    expect(await direct.sessions.find(issued.accessKeyId)).toMatchObject({
      mfaAuthenticated: true,
    });
  });

  it('requests fail with ServiceUnavailable while the server is away, then succeed', async () => {
    const slow = sql`select pg_sleep(2)`.execute((deps.store as KyselyStore).db);
    await new Promise((r) => setTimeout(r, 200));
    await proxy.stop();

    await expect(slow).rejects.toBeInstanceOf(ServiceUnavailable);
    await expect(deps.store.users.findByName('alice')).rejects.toBeInstanceOf(ServiceUnavailable);

    await proxy.start();
    expect(await deps.store.users.findByName('alice')).toMatchObject({ userName: 'alice' });
  });

  it('a statement running past the statement timeout fails with ServiceUnavailable', async () => {
    const store = await openStore(scratch.url, { statementTimeoutMs: 100, poolSize: 2 });
    try {
      await expect(sql`select pg_sleep(1)`.execute(store.db)).rejects.toBeInstanceOf(
        ServiceUnavailable,
      );
      expect(await store.users.count()).toBe(1);
    } finally {
      await store.close();
    }
  });
});

describe('a SQLite file held by another process', () => {
  const dir = tempDir('tessera-busy-');

  afterAll(() => removeDir(dir));

  it('answers ServiceUnavailable once the busy timeout has passed', async () => {
    const file = join(dir, 'tessera.db');
    const store = await openStore(file);
    const other = new SQLite(file);
    other.exec('begin exclusive');
    try {
      // Readers pass a writer in WAL mode; a second writer waits, then gives up.
      const user = { userId: 'u', userName: 'u', path: '/', createdAt: 0, passwordLastUsed: null };
      await expect(store.users.insert(user, [])).rejects.toBeInstanceOf(ServiceUnavailable);
    } finally {
      other.exec('rollback');
      other.close();
      await store.close();
    }
  }, 20_000);
});
