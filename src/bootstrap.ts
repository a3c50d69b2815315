import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

import { Sealer, systemRandom } from './core/crypto/index.js';
import { ensureAccount, MasterKeyMismatch, type RootCredentials } from './domain/account.js';
import { DEFAULT_MFA, type Clock, type Deps } from './domain/context.js';
import { unsafeSetup } from './ops/unsafe-setup.js';
import { openStore } from './storage/index.js';
import { ConfigError, type Config } from './config.js';

export interface Booted {
  deps: Deps;
  /** Set when this start created the account. */
  created?: RootCredentials;
  credentialsFile?: string;
  warnings: string[];
}

/**
 * Opens the database, loads the master key and joins (or creates) the account: everything a
 * process needs before it serves or runs a command. Only this shell reads the real clock. A
 * server's SQLite database is checkpointed in the background; a command's is left to SQLite.
 */
export async function boot(
  config: Config,
  clock: Clock = Date.now,
  role: 'serve' | 'command' = 'command',
): Promise<Booted> {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const warnings: string[] = [];
  const keyIsNew = config.masterKey === undefined && !existsSync(config.masterKeyFile);
  const key = loadMasterKey(config, warnings);
  const sealer = new Sealer(key, systemRandom);
  const store = await openStore(config.database, {
    poolSize: config.dbPoolSize,
    statementTimeoutMs: config.dbStatementTimeoutMs,
    backgroundCheckpoints: role === 'serve',
  });
  warnings.push(...unsafeSetup(config));

  const base = { store, clock, random: systemRandom, sealer };
  const { account, created } = await ensureAccount(base, config.accountId).catch(async (e) => {
    await store.close();
    throw keyFileMistake(e, config, keyIsNew);
  });
  const deps: Deps = {
    ...base,
    settings: { accountId: account.accountId, issuer: config.issuer, mfa: { ...DEFAULT_MFA } },
  };

  if (!created) return { deps, warnings };
  const credentialsFile = join(config.dataDir, 'root-credentials.json');
  writeFileSync(credentialsFile, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600 });
  chmodSync(credentialsFile, 0o600);
  return { deps, created, credentialsFile, warnings };
}

/**
 * A key file that did not exist was just made for a database sealed with another key: the path
 * is wrong, not the key. The new file is removed again, and the error says so.
 */
function keyFileMistake(error: unknown, config: Config, keyIsNew: boolean): unknown {
  if (!(error instanceof MasterKeyMismatch) || !keyIsNew) return error;

  rmSync(config.masterKeyFile, { force: true });
  return new ConfigError(
    `there is no master key file at ${config.masterKeyFile}, and the database was sealed with ` +
      'an existing key: give its file with --master-key-file (or the key in TESSERA_MASTER_KEY)',
  );
}

/** The master key from TESSERA_MASTER_KEY, or from the key file (created on first use). */
export function loadMasterKey(config: Config, warnings: string[]): Buffer {
  if (config.masterKey !== undefined) {
    const key = Buffer.from(config.masterKey, 'base64');
    if (key.length !== 32)
      throw new ConfigError('TESSERA_MASTER_KEY must be base64 of exactly 32 bytes');
    return key;
  }

  const file = config.masterKeyFile;
  if (!existsSync(file)) {
    if (!existsSync(dirname(file))) {
      throw new ConfigError(`there is no master key file at ${file}, nor a folder to create it in`);
    }
    writeFileSync(file, `${systemRandom(32).toString('base64')}\n`, { mode: 0o600 });
  }
  if ((statSync(file).mode & 0o077) !== 0) {
    warnings.push(`master key file ${file} is readable by other users; run: chmod 600 ${file}`);
  }

  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32)
    throw new ConfigError(`master key file ${file} must hold base64 of 32 bytes`);
  return key;
}
