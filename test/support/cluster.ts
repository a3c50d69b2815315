import { randomBytes } from 'node:crypto';

import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';

import { openStore } from '../../src/storage/index.js';
import type { KyselyStore } from '../../src/storage/kysely-store.js';
import { scratchPostgres, type ScratchDatabase } from './postgres.js';
import { removeDir, startTessera, type RunningTessera } from './process.js';

export interface SdkCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * Tessera processes sharing one new PostgreSQL database and one master key, as a deployment
 * behind a load balancer runs them. Each instance gets its own empty data folder.
 */
export interface Cluster {
  database: ScratchDatabase;
  masterKey: string;
  start(options?: { masterKey?: string; args?: string[] }): Promise<RunningTessera>;
  /** A store on the same database, for looking at rows the way no instance caches them. */
  inspect(): Promise<KyselyStore>;
  close(): Promise<void>;
}

export async function postgresCluster(): Promise<Cluster> {
  const database = await scratchPostgres();
  const masterKey = randomBytes(32).toString('base64');
  const running: RunningTessera[] = [];
  const stores: KyselyStore[] = [];

  return {
    database,
    masterKey,
    start: async (options = {}) => {
      const instance = await startTessera({
        args: ['--database', database.url, '--log-level', 'warn', ...(options.args ?? [])],
        env: { TESSERA_MASTER_KEY: options.masterKey ?? masterKey },
      });
      running.push(instance);
      return instance;
    },
    inspect: async () => {
      const store = await openStore(database.url, { poolSize: 2 });
      stores.push(store);
      return store;
    },
    close: async () => {
      await Promise.all(running.map((instance) => instance.stop('SIGKILL')));
      running.forEach((instance) => removeDir(instance.dataDir));
      await Promise.all(stores.map((store) => store.close()));
      await database.drop();
    },
  };
}

/** SDK clients for one instance; retries are off so every answer is seen once. */
export function sdk(
  instance: { url: string },
  credentials: SdkCredentials,
): { iam: IAMClient; sts: STSClient } {
  const config = { endpoint: instance.url, region: 'us-east-1', credentials, maxAttempts: 1 };
  return { iam: new IAMClient(config), sts: new STSClient(config) };
}
