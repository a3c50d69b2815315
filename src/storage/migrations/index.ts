import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

import { ServiceUnavailable } from '../../domain/errors.js';
import type { Dialect } from './dialect.js';
import * as initial from './001-initial.js';
import * as policies from './002-policies.js';
import * as consoleSessions from './003-console.js';
import * as audit from './004-audit.js';
import * as auditWriteCost from './005-audit-write-cost.js';

type Step = { up(db: Kysely<unknown>, dialect: Dialect): Promise<void> };

/** Every migration, in order. Both backends run the same list. */
const STEPS: Record<string, Step> = {
  '001-initial': initial,
  '002-policies': policies,
  '003-console': consoleSessions,
  '004-audit': audit,
  '005-audit-write-cost': auditWriteCost,
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
 * Brings the schema up to date (or up to the migration `upTo`, for tests of a migration). Kysely's
 * migrator takes a database lock (an advisory lock on PostgreSQL), so instances that start
 * together apply each migration once.
 */
export async function migrate(db: Kysely<unknown>, dialect: Dialect, upTo?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticProvider(dialect) });
  const { error, results } = upTo
    ? await migrator.migrateTo(upTo)
    : await migrator.migrateToLatest();
  if (error) {
    // An unreachable database is not a failed migration; it is reported as what it is.
    if (error instanceof ServiceUnavailable) throw error;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${(error as Error).message}`);
  }
}

/** The names of the migrations this database has applied, in order. */
export async function appliedMigrations(db: Kysely<any>, dialect: Dialect): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider(dialect) });
  const all = await migrator.getMigrations();
  return all.filter((m) => m.executedAt !== undefined).map((m) => m.name);
}

export type { Dialect } from './dialect.js';
