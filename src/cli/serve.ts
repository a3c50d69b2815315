import { readFileSync } from 'node:fs';

import { boot } from '../bootstrap.js';
import { ConfigError, loadConfig, type Config, type Flags } from '../config.js';
import { createLogger } from '../logger.js';
import { buildServer } from '../server.js';

/** How long shutdown waits for requests in flight before cutting their connections. */
const SHUTDOWN_GRACE_MS = 10_000;

/** `tessera serve`: boot, listen, and shut down gracefully on SIGINT/SIGTERM. */
export async function serve(flags: Flags): Promise<void> {
  const config = loadConfig(flags);
  // Every flag is checked before boot creates anything: a mistyped first start leaves no account.
  const https = tlsFiles(config);
  const logger = createLogger(config.logLevel);
  const booted = await boot(config, Date.now, 'serve');
  for (const warning of booted.warnings) logger.warn({ event: 'setup.unsafe' }, warning);
  if (booted.credentialsFile) {
    logger.info(
      {
        event: 'account.created',
        accountId: booted.deps.settings.accountId,
        file: booted.credentialsFile,
      },
      `root credentials were written to ${booted.credentialsFile} (mode 0600)`,
    );
  }

  const app = buildServer(booted.deps, { logger, https, metricsToken: config.metricsToken });
  await app.listen({ host: config.host, port: config.port });
  logger.info(
    { event: 'server.listening', accountId: booted.deps.settings.accountId },
    `Tessera is serving account ${booted.deps.settings.accountId}`,
  );

  const stop = async (signal: string): Promise<void> => {
    logger.info({ event: 'server.stopping', signal }, 'shutting down');
    // Requests in flight finish; one still running after the grace period is cut off.
    const deadline = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    await app.close();
    clearTimeout(deadline);
    await booted.deps.store.close();
    logger.info({ event: 'server.stopped', signal }, 'stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** A certificate without its key (or the reverse) is a mistake, not a reason to serve HTTP. */
function tlsFiles(config: Config): { cert: Buffer; key: Buffer } | undefined {
  if (config.tlsCert === undefined && config.tlsKey === undefined) return undefined;
  if (config.tlsCert === undefined || config.tlsKey === undefined) {
    throw new ConfigError('--tls-cert and --tls-key must be given together');
  }
  return {
    cert: readFlagFile('--tls-cert', config.tlsCert),
    key: readFlagFile('--tls-key', config.tlsKey),
  };
}

function readFlagFile(flag: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError(`${flag} ${path} cannot be read (${code})`);
  }
}
