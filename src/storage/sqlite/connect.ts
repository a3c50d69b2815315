import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';

import { GuardedDialect } from '../guarded-dialect.js';
import { KyselyStore } from '../kysely-store.js';
import { migrate } from '../migrations/index.js';
import type { Database } from '../schema.js';
import { BackgroundCheckpointer } from './checkpointer.js';
import { allowDirectReads, DirectReads } from './direct-reads.js';
import { ImmediateSqliteDialect } from './immediate-dialect.js';
import { cachingStatements } from './statement-cache.js';

export interface SqliteOptions {
  /** Checkpoint on a thread of its own (a long-running server); commands leave it to SQLite. */
  backgroundCheckpoints?: boolean;
}

/**
 * Opens (creating when needed) the embedded database. WAL lets readers run beside the writer, and
 * a busy timeout makes a second process (a backup, the audit CLI) wait instead of failing.
 */
export async function openSqlite(file: string, options: SqliteOptions = {}): Promise<KyselyStore> {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // Created owner-only before SQLite opens it; its -wal and -shm files then get the same mode.
    closeSync(openSync(file, 'a', 0o600));
  }

  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');

  const statements = cachingStatements(database);
  const dialect = new GuardedDialect(new ImmediateSqliteDialect({ database: statements }));
  const db = new Kysely<Database>({ dialect });
  allowDirectReads(db, new DirectReads(database, statements));
  await migrate(db as Kysely<unknown>, 'sqlite');
  if (!options.backgroundCheckpoints || file === ':memory:') return new KyselyStore(db, 'sqlite');

  const checkpointer = new BackgroundCheckpointer(database, file);
  return new KyselyStore(db, 'sqlite', {
    beforeClose: () => checkpointer.stop(),
    afterCommit: () => checkpointer.wake(),
  });
}
