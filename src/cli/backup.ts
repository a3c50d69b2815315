import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { ConfigError, loadConfig } from '../config.js';
import { isPostgresUrl, sqliteFile } from '../storage/index.js';
import { backupSqlite } from '../storage/sqlite/backup.js';
import type { Flags } from './flags.js';
import { UsageError } from './usage.js';

/**
 * `tessera backup <file> [--data DIR | --database FILE]`: a consistent copy of the embedded
 * database, safe to take while `tessera serve` runs. The master key is not in it.
 */
export function backupCommand(flags: Flags, positionals: string[]): void {
  const [target, ...extra] = positionals;
  if (target === undefined || extra.length > 0) {
    throw new UsageError('backup takes one file name: tessera backup <file> [--data DIR]');
  }

  const config = loadConfig(flags);
  if (isPostgresUrl(config.database)) {
    throw new ConfigError(
      'tessera backup copies the embedded SQLite database; back PostgreSQL up with pg_dump',
    );
  }

  const source = sqliteFile(config.database);
  if (!existsSync(dirname(resolve(target)))) {
    throw new ConfigError(
      `cannot write the backup: folder ${dirname(resolve(target))} does not exist`,
    );
  }
  if (!existsSync(source)) throw new ConfigError(`there is no database at ${source} to back up`);
  const { bytes } = backupSqlite(source, target);
  process.stderr.write(
    `Backed up ${source} to ${target} (${bytes} bytes, mode 0600).\n` +
      'The master key is not in the backup: keep a copy of it elsewhere, or the backup cannot ' +
      'be opened.\n',
  );
}
