import { readFileSync } from 'node:fs';

import { boot } from '../bootstrap.js';
import { loadConfig, type Flags } from '../config.js';
import { createLogger } from '../logger.js';
import { buildServer } from '../server.js';

/** `tessera serve`: boot, listen, and shut down gracefully on SIGINT/SIGTERM. */
export async function serve(flags: Flags): Promise<void> {
  const config = loadConfig(flags);
  const logger = createLogger(config.logLevel);
  const booted = await boot(config);
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

  const https =
    config.tlsCert && config.tlsKey
      ? { cert: readFileSync(config.tlsCert), key: readFileSync(config.tlsKey) }
      : undefined;
  const app = buildServer(booted.deps, { logger, https });
  await app.listen({ host: config.host, port: config.port });
  logger.info(
    { event: 'server.listening', accountId: booted.deps.settings.accountId },
    `Tessera is serving account ${booted.deps.settings.accountId}`,
  );

  const stop = async (signal: string): Promise<void> => {
    logger.info({ event: 'server.stopping', signal }, 'shutting down');
    await app.close();
    await booted.deps.store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
