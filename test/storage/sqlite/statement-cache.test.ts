import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { cachingStatements } from '../../../src/storage/sqlite/statement-cache.js';

function database(): SQLite.Database {
  const db = new SQLite(':memory:');
  db.exec('create table t (x integer)');
  db.exec('insert into t values (1), (2), (3)');
  return db;
}

describe('SQLite statement cache', () => {
  it('prepares each SQL text once', () => {
    const cached = cachingStatements(database());

    expect(cached.prepare('select x from t')).toBe(cached.prepare('select x from t'));
    expect(cached.prepare('select x from t')).not.toBe(cached.prepare('select x + 1 from t'));
  });

  it('gives a fresh statement while the cached one is still being iterated', () => {
    const cached = cachingStatements(database());
    const first = cached.prepare('select x from t');
    const open = first.iterate([]);
    open.next();

    const second = cached.prepare('select x from t');

    expect(second).not.toBe(first);
    expect(second.all([])).toHaveLength(3);
    open.return?.();
    expect(cached.prepare('select x from t')).toBe(first);
  });
});
