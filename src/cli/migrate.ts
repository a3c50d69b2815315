import { existsSync } from 'node:fs';

import { loadConfig, type Config } from '../config.js';
import { isPostgresUrl, openStore, sqliteFile } from '../storage/index.js';
import type { KyselyStore } from '../storage/kysely-store.js';
import { appliedMigrations } from '../storage/migrations/index.js';
import type { Flags } from './flags.js';

/**
 * `tessera migrate [--database URL | --data DIR]`: brings the schema up to date and exits, for
 * deployments that migrate in a release step before starting instances. Needs no master key and
 * creates no account.
 */
export async function migrateCommand(flags: Flags): Promise<void> {
  const config = loadConfig(flags);
  const existed = isPostgresUrl(config.database) || existsSync(sqliteFile(config.database));
  const store = await openConfigured(config);
  try {
    const names = await appliedMigrations(store.db, store.dialect);
    const what = existed ? 'Schema is up to date' : `Created ${config.database}; schema applied`;
    process.stdout.write(`${what}: ${names.join(', ')}\n`);
  } finally {
    await store.close();
  }
}

/** The store the configuration names, with its pool settings; opening it applies migrations. */
export function openConfigured(config: Config): Promise<KyselyStore> {
  return openStore(config.database, {
    poolSize: config.dbPoolSize,
    statementTimeoutMs: config.dbStatementTimeoutMs,
  });
}
