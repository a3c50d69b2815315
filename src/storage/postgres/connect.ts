import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

import { GuardedDialect } from '../guarded-dialect.js';
import { KyselyStore } from '../kysely-store.js';
import { migrate } from '../migrations/index.js';
import type { Database } from '../schema.js';

// Times are stored as bigint milliseconds, which fit a JS number for the next 285,000 years.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface PostgresOptions {
  /** Connections this process keeps open at most. */
  poolSize?: number;
  /** The server cancels a statement that runs longer, so a stuck query cannot hold a request. */
  statementTimeoutMs?: number;
}

export const DEFAULT_POOL_SIZE = 10;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;

/**
 * Opens a pool on a PostgreSQL database and brings its schema up to date. Connections that break
 * (a restart, a failover, a network cut) are dropped from the pool and replaced by the next
 * request; a request that meets one fails with ServiceUnavailable (see guarded-dialect.ts).
 */
export async function openPostgres(
  url: string,
  options: PostgresOptions = {},
): Promise<KyselyStore> {
  await migrateOnce(url);

  const statementTimeout = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    statement_timeout: statementTimeout,
    // Waiting for a free or new connection is bounded too, or a dead server would hang requests.
    connectionTimeoutMillis: Math.max(statementTimeout, 1000),
    keepAlive: true,
    application_name: 'tessera',
  });
  quietErrors(pool);

  const db = new Kysely<Database>({ dialect: new GuardedDialect(new PostgresDialect({ pool })) });
  return new KyselyStore(db, 'postgres');
}

/**
 * A connection that breaks emits an error event: on an idle one the pool's listener removes it,
 * but on one in use nothing listens, and an unheard error event would end the process. The query
 * running on it fails on its own, and the pool discards the connection when it is released.
 */
function quietErrors(pool: pg.Pool): void {
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
}

/**
 * Migrations run on a connection of their own without a statement timeout: a long migration must
 * not be cancelled halfway, and an instance waiting for another one's migration lock must wait.
 */
async function migrateOnce(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1, application_name: 'tessera-migrate' });
  quietErrors(pool);
  const db = new Kysely<unknown>({ dialect: new GuardedDialect(new PostgresDialect({ pool })) });
  try {
    await migrate(db, 'postgres');
  } finally {
    await db.destroy();
  }
}
