import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { openSqlite } from '../../../src/storage/sqlite/connect.js';
import { DirectReads } from '../../../src/storage/sqlite/direct-reads.js';
import { cachingStatements } from '../../../src/storage/sqlite/statement-cache.js';

const NOW = Date.UTC(2026, 0, 1);

function reads() {
  const database = new SQLite(':memory:');
  database.exec('create table t (x integer)');
  database.exec('insert into t values (1), (2)');
  return { database, direct: new DirectReads(database, cachingStatements(database)) };
}

describe('DirectReads', () => {
  it('reads directly while no transaction is open', () => {
    const { direct } = reads();
    expect(direct.tryRead('select x from t where x > ?', [1])).toEqual([{ x: 2 }]);
  });

  it('declines inside an open transaction, and for statements that write', () => {
    const { database, direct } = reads();
    expect(direct.tryRead('update t set x = x + 1 returning x', [])).toBeUndefined();
    expect(direct.tryRead('insert into t values (?)', [3])).toBeUndefined();
    expect(database.prepare('select count(*) as n from t').get()).toEqual({ n: 2 });

    database.exec('begin');
    expect(direct.tryRead('select x from t', [])).toBeUndefined();
    database.exec('rollback');
  });

  it('never shows a read another request’s uncommitted rows', async () => {
    const store = await openSqlite(':memory:');
    const alice = { userId: 'AIDAA', userName: 'alice', path: '/', createdAt: NOW };
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));

    // A transaction that writes a user, waits, then rolls back.
    const writer = store
      .transaction(async (s) => {
        await s.users.insert({ ...alice, passwordLastUsed: null }, []);
        inserted();
        await held;
        throw new Error('roll back');
      })
      .catch(() => undefined);

    await insertedYet;
    const read = store.users.findByName('alice');
    release();
    await writer;

    expect(await read).toBeUndefined();
    await store.close();
  });
});
