import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';

import { openSqlite } from '../../../src/storage/sqlite/connect.js';
import {
  BACKSTOP_PAGES,
  BackgroundCheckpointer,
  type CheckpointReport,
} from '../../../src/storage/sqlite/checkpointer.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratchFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-checkpoint-'));
  dirs.push(dir);
  return join(dir, 'db.sqlite');
}

function writeRows(database: SQLite.Database, rows: number): void {
  const insert = database.prepare('insert into filler (body) values (?)');
  database.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run('x'.repeat(2000));
  })();
}

function autocheckpoint(database: SQLite.Database): number {
  return database.pragma('wal_autocheckpoint', { simple: true }) as number;
}

describe('BackgroundCheckpointer', () => {
  it('copies the log into the database file before the serving connection would', async () => {
    const file = scratchFile();
    const database = new SQLite(file);
    database.pragma('journal_mode = WAL');
    database.exec('create table filler (id integer primary key, body text)');

    const reports: CheckpointReport[] = [];
    const checkpointer = new BackgroundCheckpointer(database, file, (r) => reports.push(r));
    expect(autocheckpoint(database)).toBe(BACKSTOP_PAGES);

    writeRows(database, 3000);
    checkpointer.wake();
    await expect
      .poll(() => reports.some((r) => r.log! > 1000 && r.checkpointed === r.log), {
        timeout: 5000,
        interval: 50,
      })
      .toBe(true);
    expect(statSync(file).size).toBeGreaterThan(3000 * 2000);

    await checkpointer.stop();
    expect(autocheckpoint(database)).toBe(1000);
    database.close();
  });

  it('keeps the log bounded while the serving connection writes without pause', async () => {
    const file = scratchFile();
    const database = new SQLite(file);
    database.pragma('journal_mode = WAL');
    database.exec('create table filler (id integer primary key, body text)');
    const checkpointer = new BackgroundCheckpointer(database, file);

    // 80 MB in small transactions, yielding now and then so the thread gets its turns: a log
    // no one starts over would end up larger than everything written.
    let largest = 0;
    for (let i = 0; i < 4000; i++) {
      writeRows(database, 10);
      checkpointer.wake();
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      largest = Math.max(largest, statSync(`${file}-wal`).size);
    }
    expect(largest).toBeLessThan(24 * 1024 * 1024);

    await checkpointer.stop();
    database.close();
  });

  it('runs a thread only while there are writes to copy', async () => {
    const file = scratchFile();
    const database = new SQLite(file);
    database.pragma('journal_mode = WAL');
    database.exec('create table filler (id integer primary key, body text)');
    const timing = { everyMs: 20, idleRounds: 3 };
    const checkpointer = new BackgroundCheckpointer(database, file, undefined, timing);
    expect(checkpointer.running).toBe(false);

    writeRows(database, 10);
    checkpointer.wake();
    expect(checkpointer.running).toBe(true);
    await expect.poll(() => checkpointer.running, { timeout: 5000, interval: 20 }).toBe(false);
    // Ended because it was idle, not because it failed: checkpoints stay with the thread.
    expect(autocheckpoint(database)).toBe(BACKSTOP_PAGES);

    writeRows(database, 10);
    checkpointer.wake();
    expect(checkpointer.running).toBe(true);
    await checkpointer.stop();
    expect(checkpointer.running).toBe(false);
    database.close();
  });

  it('hands checkpoints back to the serving connection when its thread dies', async () => {
    const file = scratchFile();
    const database = new SQLite(file);
    database.pragma('journal_mode = WAL');
    // The thread cannot open a folder as a database, so it fails at once.
    const checkpointer = new BackgroundCheckpointer(database, join(file, '..'));
    checkpointer.wake();
    await expect.poll(() => autocheckpoint(database), { timeout: 5000 }).toBe(1000);
    await checkpointer.stop();
    database.close();
  });

  it('is what a server opens; a command leaves checkpoints to SQLite', async () => {
    const file = scratchFile();
    const setting = async (store: Awaited<ReturnType<typeof openSqlite>>) => {
      const result = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(
        store.db,
      );
      return result.rows[0]!.wal_autocheckpoint;
    };

    const server = await openSqlite(file, { backgroundCheckpoints: true });
    expect(await setting(server)).toBe(BACKSTOP_PAGES);
    await server.close();

    const command = await openSqlite(file);
    expect(await setting(command)).toBe(1000);
    await command.close();
  });
});
