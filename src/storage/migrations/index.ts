import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

import type { Dialect } from './dialect.js';
import * as initial from './001-initial.js';
import * as policies from './002-policies.js';
import * as consoleSessions from './003-console.js';

type Step = { up(db: Kysely<unknown>, dialect: Dialect): Promise<void> };

/** Every migration, in order. Both backends run the same list. */
const STEPS: Record<string, Step> = {
  '001-initial': initial,
  '002-policies': policies,
  '003-console': consoleSessions,
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, step] of Object.entries(STEPS)) {
      out[name] = { up: (db) => step.up(db, this.dialect) };
    }
    return out;
  }
}

/**
 * Brings the schema up to date. Kysely's migrator takes a database lock (an advisory lock on
 * PostgreSQL), so instances that start together apply each migration once.
 */
export async function migrate(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${(error as Error).message}`);
  }
}

export type { Dialect } from './dialect.js';
