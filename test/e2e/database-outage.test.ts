import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openStore } from '../../src/storage/index.js';

import { sdk } from '../support/cluster.js';
import { scratchPostgres, type ScratchDatabase } from '../support/postgres.js';
import { removeDir, startTessera, type RunningTessera } from '../support/process.js';
import { codeAt, freshPair } from '../support/qr.js';
import { startProxy, type TcpProxy } from '../support/tcp-proxy.js';

/** What an SDK error says about the HTTP answer behind it. */
function answer(error: unknown): { name: string; status: number | undefined } {
  const e = error as { name: string; $metadata?: { httpStatusCode?: number } };
  return { name: e.name, status: e.$metadata?.httpStatusCode };
}

/**
 * PostgreSQL restarting under a running instance (played by a proxy that cuts and refuses its
 * connections): requests get a retryable 503 ServiceUnavailable, never a 500, spend no code, and
 * the instance carries on once the database is back.
 */
describe('an instance whose database goes away and comes back', () => {
  let database: ScratchDatabase;
  let proxy: TcpProxy;
  let tessera: RunningTessera;

  beforeAll(async () => {
    database = await scratchPostgres();
    proxy = await startProxy();
    tessera = await startTessera({
      args: ['--database', proxy.via(database.url), '--db-pool-size', '3'],
      env: { TESSERA_MASTER_KEY: Buffer.alloc(32, 3).toString('base64') },
    });
  });

  afterAll(async () => {
    proxy?.cutOn(undefined);
    await tessera?.stop();
    if (tessera) removeDir(tessera.dataDir);
    await proxy?.close();
    await database?.drop();
  });

  /** A user with a key and an enabled device; returns GetSessionToken with a code as that user. */
  async function mfaUser(name: string) {
    const iam = sdk(tessera, tessera.credentials).iam;
    await iam.send(new CreateUserCommand({ UserName: name }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    const user = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };

    const created = await iam.send(
      new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name }),
    );
    const SerialNumber = created.VirtualMFADevice!.SerialNumber!;
    const seed = Buffer.from(created.VirtualMFADevice!.Base32StringSeed!).toString();
    const [code1, code2] = await freshPair(seed);
    const codes = { AuthenticationCode1: code1, AuthenticationCode2: code2 };
    await iam.send(new EnableMFADeviceCommand({ UserName: name, SerialNumber, ...codes }));

    const code = codeAt(seed, 1);
    return () =>
      sdk(tessera, user).sts.send(new GetSessionTokenCommand({ SerialNumber, TokenCode: code }));
  }

  it('answers 503 ServiceUnavailable while the database is down, then serves again', async () => {
    const getSessionToken = await mfaUser('alice');
    await proxy.stop();

    const requests = [
      getSessionToken,
      () => sdk(tessera, tessera.credentials).iam.send(new ListUsersCommand({})),
    ];
    for (const request of requests) {
      const refused = await request().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(answer(refused)).toEqual({ name: 'ServiceUnavailable', status: 503 });
    }

    await proxy.start();
    // The code the failed request carried was not spent: it still signs in, once.
    expect((await getSessionToken()).Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(tessera.process.exitCode).toBeNull();
  });

  it('keeps no more connections than --db-pool-size, however many requests come', async () => {
    const iam = sdk(tessera, tessera.credentials).iam;
    await Promise.all(Array.from({ length: 20 }, () => iam.send(new ListUsersCommand({}))));

    const store = await openStore(database.url, { poolSize: 1 });
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where datname = ${database.name} and application_name = 'tessera'
        and pid <> pg_backend_pid()`.execute(store.db);
    await store.close();
    expect(rows[0]!.n).toBeGreaterThan(0);
    expect(rows[0]!.n).toBeLessThanOrEqual(3);
  });

  it('a request cut off in the middle answers 503 and spends nothing', async () => {
    const getSessionToken = await mfaUser('bob');

    proxy.cutOn('insert into "sts_sessions"');
    const refused = await getSessionToken().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(answer(refused)).toEqual({ name: 'ServiceUnavailable', status: 503 });

    proxy.cutOn(undefined);
    expect((await getSessionToken()).Credentials?.AccessKeyId).toMatch(/^ASIA/);
    await expect(getSessionToken()).rejects.toThrow(/invalid MFA one time pass code/);
  });
});
