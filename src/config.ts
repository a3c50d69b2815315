import { join, resolve } from 'node:path';

/** Settings of one Tessera process, from flags first, then TESSERA_* variables, then defaults. */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** postgres://... or a SQLite file path. */
  database: string;
  /** PostgreSQL only: connections per process, and the longest a statement may run. */
  dbPoolSize?: number;
  dbStatementTimeoutMs?: number;
  accountId?: string;
  issuer: string;
  /** base64 of 32 bytes, when given in the environment rather than as a key file. */
  masterKey?: string;
  masterKeyFile: string;
  logLevel: string;
  tlsCert?: string;
  tlsKey?: string;
  /** Lets clients other than loopback read /metrics; from the environment only, never a flag. */
  metricsToken?: string;
}

export type Flags = Partial<Record<string, string | boolean | undefined>>;

function pick(flags: Flags, flag: string, env: string): string | undefined {
  const value = flags[flag];
  if (typeof value === 'string') return value;
  return process.env[env] || undefined;
}

export function loadConfig(flags: Flags): Config {
  const dataDir = resolve(pick(flags, 'data', 'TESSERA_DATA') ?? '.tessera');
  const port = Number(pick(flags, 'port', 'TESSERA_PORT') ?? 4599);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(
      `--port must be a port number, not "${String(flags.port ?? process.env.TESSERA_PORT)}"`,
    );
  }

  const accountId = pick(flags, 'account-id', 'TESSERA_ACCOUNT_ID');
  if (accountId !== undefined && !/^\d{12}$/.test(accountId)) {
    throw new ConfigError('--account-id must be 12 digits');
  }

  return {
    host: pick(flags, 'host', 'TESSERA_HOST') ?? '127.0.0.1',
    port,
    dataDir,
    database: pick(flags, 'database', 'TESSERA_DATABASE') ?? join(dataDir, 'tessera.db'),
    dbPoolSize: positive(flags, 'db-pool-size', 'TESSERA_DB_POOL_SIZE'),
    dbStatementTimeoutMs: positive(
      flags,
      'db-statement-timeout-ms',
      'TESSERA_DB_STATEMENT_TIMEOUT_MS',
    ),
    accountId,
    issuer: pick(flags, 'issuer', 'TESSERA_ISSUER') ?? 'Tessera',
    masterKey: process.env.TESSERA_MASTER_KEY || undefined,
    masterKeyFile:
      pick(flags, 'master-key-file', 'TESSERA_MASTER_KEY_FILE') ?? join(dataDir, 'master.key'),
    logLevel: logLevel(pick(flags, 'log-level', 'TESSERA_LOG_LEVEL') ?? 'info'),
    tlsCert: pick(flags, 'tls-cert', 'TESSERA_TLS_CERT'),
    tlsKey: pick(flags, 'tls-key', 'TESSERA_TLS_KEY'),
    metricsToken: process.env.TESSERA_METRICS_TOKEN || undefined,
  };
}

function positive(flags: Flags, flag: string, env: string): number | undefined {
  const text = pick(flags, flag, env);
  if (text === undefined) return undefined;

  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new ConfigError(`--${flag} (${env}) must be a whole number above 0, not "${text}"`);
  }
  return value;
}

/** A mistake in how Tessera was started: shown as one readable line, never a stack trace. */
export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function logLevel(value: string): string {
  if (!LOG_LEVELS.includes(value)) {
    throw new ConfigError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, not "${value}"`);
  }
  return value;
}
