import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sdk, type SdkCredentials } from '../support/cluster.js';
import { scratchPostgres, type ScratchDatabase } from '../support/postgres.js';
import { BIN, removeDir, startTessera, tempDir, type RootCredentials } from '../support/process.js';
import { codeAt, freshPair } from '../support/qr.js';

// The CLI runs from an empty folder, so no ./.tessera of the working tree is picked up.
const cwd = tempDir('tessera-cwd-');

function tessera(args: string[], options: { input?: string; key?: string } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, TESSERA_MASTER_KEY: options.key ?? '' };
  return spawnSync(process.execPath, [BIN, ...args], {
    input: options.input,
    env,
    encoding: 'utf8',
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * An embedded deployment moved to PostgreSQL: export from its data folder, import into a new
 * database, start an instance there with the same master key, and every device still works.
 */
describe('moving a SQLite deployment to PostgreSQL', () => {
  const dataDir = tempDir('tessera-embedded-');
  let database: ScratchDatabase;
  let root: RootCredentials;
  let alice: SdkCredentials;
  let serial: string;
  let seed: string;
  let dump: string;
  let masterKey: string;

  beforeAll(async () => {
    database = await scratchPostgres();
    const embedded = await startTessera({ dataDir });
    root = embedded.credentials;
    const iam = sdk(embedded, root).iam;

    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
    alice = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    const created = (
      await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice' }))
    ).VirtualMFADevice!;
    serial = created.SerialNumber!;
    seed = Buffer.from(created.Base32StringSeed!).toString();
    const [code1, code2] = await freshPair(seed);
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'alice',
        SerialNumber: serial,
        AuthenticationCode1: code1,
        AuthenticationCode2: code2,
      }),
    );
    await embedded.stop();
    masterKey = readFileSync(join(dataDir, 'master.key'), 'utf8').trim();
  });

  afterAll(async () => {
    await database?.drop();
    removeDir(dataDir);
    removeDir(cwd);
  });

  it('tessera export writes the embedded database as JSON', () => {
    const exported = tessera(['export', '--data', dataDir]);
    expect(exported.stderr).toMatch(/^Exported \d+ rows from \d+ tables\.$/m);
    expect(exported.status).toBe(0);

    dump = exported.stdout;
    expect(JSON.parse(dump)).toMatchObject({ format: 'tessera-dump', version: 1 });
  });

  it('tessera import refuses a master key that does not open the dump, writing nothing', () => {
    const wrong = Buffer.alloc(32, 4).toString('base64');
    const refused = tessera(['import', '--database', database.url], { input: dump, key: wrong });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('this master key does not open');

    const keyless = tessera(['import', '--database', database.url], { input: dump });
    expect(keyless.status).toBe(1);
    expect(keyless.stderr).toContain('import needs the master key');
  });

  it('tessera import fills the new database, once', () => {
    const imported = tessera(['import', '--database', database.url], {
      input: dump,
      key: masterKey,
    });
    expect(imported.stderr).toMatch(/^Imported \d+ rows/);
    expect(imported.status).toBe(0);

    const again = tessera(['import', '--database', database.url], { input: dump, key: masterKey });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`already holds account ${root.accountId}`);

    const migrated = tessera(['migrate', '--database', database.url]);
    expect(migrated.stdout).toMatch(/^Schema is up to date: 001-initial, /);
  });

  it('an instance on PostgreSQL with the same key serves the account and its devices', async () => {
    const moved = await startTessera({
      args: ['--database', database.url],
      env: { TESSERA_MASTER_KEY: masterKey },
    });
    try {
      const users = await sdk(moved, root).iam.send(new ListUsersCommand({}));
      expect(users.Users!.map((u) => u.UserName)).toEqual(['alice']);

      const request = { SerialNumber: serial, TokenCode: codeAt(seed, 1) };
      const issued = (await sdk(moved, alice).sts.send(new GetSessionTokenCommand(request)))
        .Credentials!;
      const session = {
        accessKeyId: issued.AccessKeyId!,
        secretAccessKey: issued.SecretAccessKey!,
        sessionToken: issued.SessionToken!,
      };
      const identity = await sdk(moved, session).sts.send(new GetCallerIdentityCommand({}));
      expect(identity.Arn).toBe(`arn:aws:iam::${root.accountId}:user/alice`);
    } finally {
      await moved.stop();
      removeDir(moved.dataDir);
    }
  });
});
