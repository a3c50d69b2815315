import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

import { KyselyStore } from '../kysely-store.js';
import { migrate } from '../migrations/index.js';
import type { Database } from '../schema.js';

// Times are stored as bigint milliseconds, which fit a JS number for the next 285,000 years.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface PostgresOptions {
  poolSize?: number;
  statementTimeoutMs?: number;
}

export async function openPostgres(
  url: string,
  options: PostgresOptions = {},
): Promise<KyselyStore> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    statement_timeout: options.statementTimeoutMs ?? 5000,
  });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);

  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrate(db as Kysely<unknown>, 'postgres');
  return new KyselyStore(db, 'postgres');
}
