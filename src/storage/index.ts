import { openPostgres } from './postgres/connect.js';
import { openSqlite } from './sqlite/connect.js';
import type { Store } from './store.js';

/** Opens the store a URL names: postgres://... or postgresql://..., else a SQLite file path. */
export function openStore(location: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) return openPostgres(location);
  return openSqlite(location.replace(/^sqlite:(\/\/)?/, ''));
}

export type * from './store.js';
