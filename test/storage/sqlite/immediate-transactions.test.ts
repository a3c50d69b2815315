import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { openSqlite } from '../../../src/storage/sqlite/connect.js';

const NOW = Date.UTC(2026, 0, 1);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Another process (a CLI command, a second server) writes to the file and holds its lock for a
 * moment; resolves once it has the lock, and with its exit code once it has let go.
 */
function writerInAnotherProcess(file: string, holdMs: number) {
  const script = `
    const SQLite = require('better-sqlite3');
    const db = new SQLite(${JSON.stringify(file)});
    db.exec('begin immediate');
    db.prepare("update users set path = '/moved/' where user_name_lower = 'bob'").run();
    console.log('locked');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${holdMs});
    db.exec('commit');
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd() });
  const locked = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { locked, exited };
}

describe('SQLite transactions that write', () => {
  it('wait for another process’s write instead of failing on a stale snapshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-immediate-'));
    dirs.push(dir);
    const file = join(dir, 'tessera.db');
    const store = await openSqlite(file);
    const user = (userId: string, userName: string) => ({
      userId,
      userName,
      path: '/',
      createdAt: NOW,
      passwordLastUsed: null,
    });
    await store.users.insert(user('AIDABOB', 'bob'), []);

    try {
      const writer = writerInAnotherProcess(file, 300);
      await writer.locked;

      // Reads, then writes: begun deferred, the read would pin a snapshot the other process's
      // commit makes stale, and the write would fail with SQLITE_BUSY (a 503).
      await store.transaction(async (s) => {
        expect(await s.users.findByName('bob')).toMatchObject({ path: '/moved/' });
        await s.users.insert(user('AIDAALICE', 'alice'), []);
      });

      expect(await writer.exited).toBe(0);
      expect(await store.users.findByName('alice')).toBeDefined();
    } finally {
      await store.close();
    }
  });
});
