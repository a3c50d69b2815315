import { existsSync } from 'node:fs';

import { ConfigError, loadConfig } from '../config.js';
import { isPostgresUrl, sqliteFile } from '../storage/index.js';
import { exportDump } from '../storage/transfer/export.js';
import type { Flags } from './flags.js';
import { openConfigured } from './migrate.js';

/**
 * `tessera export [--data DIR | --database URL] > dump.json`: the whole database as JSON, for
 * `tessera import` into another database (an embedded deployment moving to PostgreSQL). Sealed
 * values are copied as they are, so the dump is as sensitive as the database itself.
 */
export async function exportCommand(flags: Flags): Promise<void> {
  const config = loadConfig(flags);
  if (!isPostgresUrl(config.database) && !existsSync(sqliteFile(config.database))) {
    throw new ConfigError(`there is no database at ${config.database}`);
  }

  const store = await openConfigured(config);
  try {
    const summary = await exportDump(store, writeOut);
    process.stderr.write(`Exported ${summary.rows} rows from ${summary.tables} tables.\n`);
  } finally {
    await store.close();
  }
}

/** Waits for each chunk to be taken, so a slow pipe holds the export rather than memory. */
function writeOut(chunk: string): Promise<void> {
  return new Promise((done, fail) =>
    process.stdout.write(chunk, (error) => (error ? fail(error) : done())),
  );
}
