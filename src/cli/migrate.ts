import { loadConfig, type Config } from '../config.js';
import { openStore } from '../storage/index.js';
import type { KyselyStore } from '../storage/kysely-store.js';
import { appliedMigrations } from '../storage/migrations/index.js';
import type { Flags } from './flags.js';

/**
 * `tessera migrate [--database URL | --data DIR]`: brings the schema up to date and exits, for
 * deployments that migrate in a release step before starting instances. Needs no master key and
 * creates no account.
 */
export async function migrateCommand(flags: Flags): Promise<void> {
  const store = await openConfigured(loadConfig(flags));
  try {
    const names = await appliedMigrations(store.db, store.dialect);
    process.stdout.write(`Schema is up to date: ${names.join(', ')}\n`);
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
