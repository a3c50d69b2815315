import { existsSync } from 'node:fs';

import { loadMasterKey } from '../bootstrap.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { Sealer, systemRandom } from '../core/crypto/index.js';
import { checkMasterKey, MasterKeyMismatch } from '../domain/account.js';
import { dumpedRow, parseDump, type Dump } from '../storage/transfer/dump.js';
import { importDump } from '../storage/transfer/import.js';
import { TransferError } from '../storage/transfer/errors.js';
import type { Flags } from './flags.js';
import { openConfigured } from './migrate.js';
import { UsageError } from './usage.js';

/**
 * `tessera import --database URL < dump.json`: fills a new database with a dump from `tessera
 * export`. Sealed seeds and secrets are copied as they are, so the instances that will serve the
 * copy need the source's master key; it is checked against the dump before anything is written.
 */
export async function importCommand(flags: Flags): Promise<void> {
  if (process.stdin.isTTY) throw new UsageError('pipe a dump from `tessera export` into import');
  const config = loadConfig(flags);
  const dump = parseDump(await readAll());
  checkKey(config, dump);

  const store = await openConfigured(config);
  try {
    const summary = await importDump(store, dump);
    process.stderr.write(
      `Imported ${summary.rows} rows into ${summary.tables} tables; start the instances with ` +
        'the same master key.\n',
    );
  } finally {
    await store.close();
  }
}

/** The dump's account carries a value sealed under its master key: this key must open it. */
function checkKey(config: Config, dump: Dump): void {
  const account = dumpedRow(dump, 'account');
  if (!account) throw new TransferError('the dump holds no account');

  if (config.masterKey === undefined && !existsSync(config.masterKeyFile)) {
    throw new ConfigError(
      'import needs the master key the exported data was sealed with: set TESSERA_MASTER_KEY ' +
        `or --master-key-file (there is no key file at ${config.masterKeyFile})`,
    );
  }
  const sealer = new Sealer(loadMasterKey(config, []), systemRandom);
  try {
    checkMasterKey(sealer, {
      accountId: String(account.account_id),
      createdAt: Number(account.created_at),
      keyCheck: String(account.key_check),
    });
  } catch (error) {
    if (!(error instanceof MasterKeyMismatch)) throw error;
    throw new TransferError(
      "this master key does not open the dump's sealed data: give import the source " +
        "deployment's key (its TESSERA_MASTER_KEY, or the master.key file in its data folder)",
    );
  }
}

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
