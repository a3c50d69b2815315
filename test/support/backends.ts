import { afterAll } from 'vitest';

import { openStore } from '../../src/storage/index.js';
import { scratchPostgres, type ScratchDatabase } from './postgres.js';

export type BackendName = 'sqlite' | 'postgres';

export interface StoreBackend {
  name: BackendName;
  /** A location for a new database of this kind, migrated and empty (for testDeps, openStore). */
  fresh(): Promise<string>;
}

/**
 * The two real databases every storage test runs on: in-memory SQLite, and PostgreSQL on the
 * test server (scripts/test-env.sh), where each fresh() is a new database so tests never see each
 * other's rows. Call it at the top of a test file; the databases it made are dropped after the
 * file. Use it as `describe.each(storeBackends())('... on $name', (backend) => ...)`.
 */
export function storeBackends(): StoreBackend[] {
  const made: ScratchDatabase[] = [];
  let template: Promise<ScratchDatabase> | undefined;
  afterAll(async () => {
    await Promise.all(made.map((database) => database.drop()));
  });

  // Migrating takes longer than copying: the file's first database is migrated once and every
  // fresh one is a copy of it (the migrations themselves are tested in test/storage/).
  const postgres = async (): Promise<string> => {
    template ??= migratedTemplate(made);
    const database = await scratchPostgres((await template).name);
    made.push(database);
    return database.url;
  };
  return [
    { name: 'sqlite', fresh: async () => ':memory:' },
    { name: 'postgres', fresh: postgres },
  ];
}

async function migratedTemplate(made: ScratchDatabase[]): Promise<ScratchDatabase> {
  const template = await scratchPostgres();
  made.push(template);
  await (await openStore(template.url)).close();
  return template;
}
