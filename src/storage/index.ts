import type { KyselyStore } from './kysely-store.js';
import { openPostgres, type PostgresOptions } from './postgres/connect.js';
import { openSqlite, type SqliteOptions } from './sqlite/connect.js';

export type StoreOptions = PostgresOptions & SqliteOptions;

/** Whether a database location names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

/** The file a SQLite location names: a path, or sqlite:path. */
export function sqliteFile(location: string): string {
  return location.replace(/^sqlite:(\/\/)?/, '');
}

/**
 * Opens the store a URL names: postgres://... or postgresql://..., else a SQLite file path. The
 * pool options apply to PostgreSQL; SQLite has one connection, its own busy timeout, and may
 * checkpoint in the background.
 */
export function openStore(location: string, options: StoreOptions = {}): Promise<KyselyStore> {
  if (isPostgresUrl(location)) return openPostgres(location, options);
  return openSqlite(sqliteFile(location), options);
}

export type * from './store.js';
