import type { AddressInfo } from 'node:net';

import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import pino from 'pino';

import { Sealer } from '../../src/core/crypto/index.js';
import { ensureAccount, type RootCredentials } from '../../src/domain/account.js';
import { DEFAULT_MFA, type Deps } from '../../src/domain/context.js';
import { buildServer, type ServerOptions } from '../../src/server.js';
import { openStore, type Store } from '../../src/storage/index.js';
import { seededRandom, testClock, type TestClock } from './deps.js';

export interface InProcessTessera {
  url: string;
  app: ReturnType<typeof buildServer>;
  deps: Deps & { clock: TestClock };
  root: RootCredentials;
  iam(credentials?: SdkCredentials): IAMClient;
  sts(credentials?: SdkCredentials): STSClient;
  close(): Promise<void>;
}

export interface SdkCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * Tessera in this process, on a loopback port, with a clock the test moves. SDK clients made here
 * carry the clock's offset from real time, so their signatures stay inside the 15-minute skew
 * however far the test moves the server's clock.
 */
export interface InProcessOptions {
  /** Wraps the store the server uses, to inject faults; the account is made without it. */
  wrapStore?: (store: Store) => Store;
  server?: Omit<ServerOptions, 'logger'>;
}

export async function startInProcess(
  location = ':memory:',
  options: InProcessOptions = {},
): Promise<InProcessTessera> {
  const clock = testClock(Date.now());
  const random = seededRandom(`in-process:${Math.random()}`);
  const sealer = new Sealer(Buffer.alloc(32, 9), random);
  const store = await openStore(location);
  const { account, created } = await ensureAccount(
    { store, clock, random, sealer },
    '123456789012',
  );
  const deps = {
    store: options.wrapStore ? options.wrapStore(store) : store,
    clock,
    random,
    sealer,
    settings: { accountId: account.accountId, issuer: 'Tessera', mfa: { ...DEFAULT_MFA } },
  };

  const app = buildServer(deps, { ...options.server, logger: pino({ level: 'silent' }) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const config = (credentials: SdkCredentials = created!) => ({
    endpoint: url,
    region: 'us-east-1',
    credentials,
    maxAttempts: 1,
    systemClockOffset: clock() - Date.now(),
  });
  return {
    url,
    app,
    deps,
    root: created!,
    iam: (credentials) => new IAMClient(config(credentials)),
    sts: (credentials) => new STSClient(config(credentials)),
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
