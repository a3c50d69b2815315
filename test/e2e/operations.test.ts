import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';

import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BIN, removeDir, startTessera, tempDir, type RunningTessera } from '../support/process.js';
import { formOf, query, signedHeaders } from '../support/query.js';

const run = promisify(execFile);

function tessera(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [BIN, ...args], { timeout: 30_000, maxBuffer: 64 * 1024 * 1024 });
}

function usersIn(file: string): { users: string[]; created: string[] } {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const users = db.prepare('select user_name from users').all() as { user_name: string }[];
    const events = db
      .prepare(`select record from audit_events where event_name = 'CreateUser'`)
      .all() as { record: string }[];
    const created = events
      .map((row) => JSON.parse(row.record) as { errorCode?: string; requestParameters: any })
      .filter((event) => event.errorCode === undefined)
      .map((event) => event.requestParameters.userName as string);
    return { users: users.map((u) => u.user_name).sort(), created: created.sort() };
  } finally {
    db.close();
  }
}

describe('tessera backup while serving', () => {
  let server: RunningTessera;
  const out = tempDir('tessera-backups-');

  beforeAll(async () => {
    server = await startTessera();
  });

  afterAll(async () => {
    await server?.stop();
    removeDir(server?.dataDir ?? '');
    removeDir(out);
  });

  it('invariant: every copy taken during writes is one consistent state', async () => {
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing && i < 400; i++) {
        const response = await query(server.url, server.credentials, 'CreateUser', {
          UserName: `u${String(i).padStart(3, '0')}`,
        });
        expect(response.status).toBe(200);
      }
    })();

    const copies: string[] = [];
    for (let n = 0; n < 5; n++) {
      const file = join(out, `copy-${n}.db`);
      await tessera('backup', file, '--data', server.dataDir);
      copies.push(file);
    }
    writing = false;
    await writer;

    const sizes = copies.map((file) => usersIn(file).users.length);
    expect(sizes.some((size) => size > 0)).toBe(true);
    for (const file of copies) {
      const { users, created } = usersIn(file);
      // Users are created one after another: a consistent copy holds the first k, and exactly
      // the k events that recorded them.
      const prefix = Array.from(
        { length: users.length },
        (_, i) => `u${String(i).padStart(3, '0')}`,
      );
      expect(users).toEqual(prefix);
      expect(created).toEqual(users);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }
  }, 120_000);

  it('a copy opens as a working Tessera with the same master key', async () => {
    const file = join(out, 'restore.db');
    const { stderr } = await tessera('backup', file, '--data', server.dataDir);
    expect(stderr).toMatch(/The master key is not in the backup/);

    const restored = tempDir('tessera-restored-');
    copyFileSync(file, join(restored, 'tessera.db'));
    copyFileSync(join(server.dataDir, 'master.key'), join(restored, 'master.key'));
    chmodSync(join(restored, 'master.key'), 0o600);
    const second = await startTessera({ dataDir: restored });
    try {
      const response = await query(second.url, server.credentials, 'GetUser', { UserName: 'u000' });
      expect(response.status).toBe(200);
    } finally {
      await second.stop();
      removeDir(restored);
    }
  });

  it('refuses to overwrite a file, and PostgreSQL', async () => {
    const file = join(out, 'restore.db');
    await expect(tessera('backup', file, '--data', server.dataDir)).rejects.toMatchObject({
      stderr: expect.stringMatching(/already exists/),
    });
    const pg = ['backup', join(out, 'pg.db'), '--database', 'postgres://127.0.0.1:1/none'];
    await expect(tessera(...pg)).rejects.toMatchObject({
      stderr: expect.stringMatching(/pg_dump/),
    });
  });
});

describe('tessera audit', () => {
  let server: RunningTessera;

  beforeAll(async () => {
    server = await startTessera();
    await query(server.url, server.credentials, 'CreateUser', { UserName: 'olga' });
    await query(server.url, server.credentials, 'CreateUser', { UserName: 'olga' });
    await query(server.url, server.credentials, 'ListUsers', {});
  });

  afterAll(async () => {
    await server?.stop();
    removeDir(server?.dataDir ?? '');
  });

  it('prints the trail as CloudTrail JSON lines, oldest first', async () => {
    const { stdout } = await tessera('audit', '--data', server.dataDir);
    const events = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));

    expect(events.map((e) => e.eventName)).toEqual(['CreateUser', 'CreateUser', 'ListUsers']);
    expect(events[0]).toMatchObject({ eventSource: 'iam.amazonaws.com', eventType: 'AwsApiCall' });
  });

  it('filters by event name, failure, caller and time, and prints a table', async () => {
    const lines = async (...flags: string[]): Promise<string[]> =>
      (await tessera('audit', '--data', server.dataDir, ...flags)).stdout.trim().split('\n');

    expect(await lines('--event', 'ListUsers')).toHaveLength(1);
    const failed = (await lines('--failed')).map((line) => JSON.parse(line));
    expect(failed.map((e) => e.errorCode)).toEqual(['EntityAlreadyExists']);
    expect(await lines('--user', 'root')).toHaveLength(3);
    expect(await lines('--user', 'nobody')).toEqual(['']);
    expect(await lines('--since', '2999-01-01T00:00:00Z')).toEqual(['']);

    const table = await lines('--format', 'table', '--failed');
    expect(table[0]).toMatch(/^TIME\s+EVENT\s+USER\s+SOURCE IP\s+RESULT\s+REQUEST ID$/);
    expect(table[1]).toMatch(/CreateUser\s+root\s+127\.0\.0\.1\s+EntityAlreadyExists/);
  });

  it('says what is wrong with a bad flag or a missing database', async () => {
    await expect(
      tessera('audit', '--data', server.dataDir, '--since', 'soon'),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/--since/) });
    const empty = tempDir('tessera-empty-');
    await expect(tessera('audit', '--data', empty)).rejects.toMatchObject({
      stderr: expect.stringMatching(/there is no database/),
    });
    removeDir(empty);
  });
});

describe('starting and stopping safely', () => {
  it('warns once about a data folder others can read and a key beside the database', async () => {
    const dataDir = tempDir('tessera-unsafe-');
    chmodSync(dataDir, 0o755);
    const server = await startTessera({ dataDir });
    await server.stop();
    removeDir(dataDir);

    const warnings = server
      .logs()
      .split('\n')
      .filter((line) => line.includes('"setup.unsafe"'))
      .map((line) => JSON.parse(line).msg as string);
    expect(warnings).toEqual([
      `data folder ${dataDir} is open to other users; run: chmod 700 ${dataDir}`,
      expect.stringMatching(
        /master key file .* sits beside the database .* keep the key elsewhere for production/,
      ),
    ]);
  });

  it('says nothing of the key when it lives elsewhere, and creates owner-only files', async () => {
    const dataDir = tempDir('tessera-safe-');
    const keys = tempDir('tessera-keys-');
    const server = await startTessera({
      dataDir,
      args: ['--master-key-file', join(keys, 'master.key')],
    });
    await server.stop();

    expect(server.logs()).not.toContain('setup.unsafe');
    expect(statSync(join(dataDir, 'tessera.db')).mode & 0o777).toBe(0o600);
    removeDir(dataDir);
    removeDir(keys);
  });

  it('finishes a request in flight, then closes the database, on SIGTERM', async () => {
    const server = await startTessera();
    const body = formOf({ Action: 'CreateUser', Version: '2010-05-08', UserName: 'late' });
    const headers = await signedHeaders(server.url, server.credentials, {
      headers: { 'content-length': String(body.length) },
      body,
    });

    // Half the body now, the signal, then the rest: the request is in flight throughout.
    const answer = new Promise<{ status: number; text: string }>((done, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/',
          headers,
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => done({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', fail);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        server.process.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 200);
    });

    // 'close', not 'exit': only then has everything the process wrote been read from its pipes.
    const exited = new Promise<number | null>((done) => server.process.once('close', done));
    expect((await answer).status).toBe(200);
    expect(await exited).toBe(0);
    expect(server.logs()).toContain('"server.stopped"');
    // The last connection to close checkpoints the WAL and removes it.
    expect(existsSync(join(server.dataDir, 'tessera.db-wal'))).toBe(false);
    expect(usersIn(join(server.dataDir, 'tessera.db')).users).toEqual(['late']);
    removeDir(server.dataDir);
  });
});
