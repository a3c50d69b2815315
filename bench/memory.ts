import { measure } from './load.js';
import type { Options } from './options.js';
import { rssMiB } from './rss.js';
import { openTessera, seedAccount } from './seed-tessera.js';
import { TesseraUnderTest } from './tessera.js';
import { signRead } from './workloads.js';

export const BIG_USERS = 100_000;

/**
 * The --big scenario: an account of 100,000 users, each with an enabled device, in its own data
 * folder (or database). RSS after start, then the peak through a ListMFADevices load.
 */
export async function measureBig(
  runDir: string,
  database: string | undefined,
  options: Options,
): Promise<{ users: number; idle: number; peak: number }> {
  const tessera = new TesseraUnderTest(runDir, 'big', database, false);
  const booted = await openTessera(tessera.dataDir, database);
  await seedAccount(booted.deps, BIG_USERS);
  await booted.deps.store.close();

  const server = await tessera.start('big');
  try {
    await new Promise((wake) => setTimeout(wake, 2_000));
    const idle = rssMiB([server.pid], 'VmRSS');
    const requests = await signRead('list-mfa-devices', tessera.root, new URL(server.url).host);
    const limits = { connections: options.connections, seconds: options.seconds };
    const warmup = { requests, amount: options.warmup };
    const loaded = await measure(server, runDir, 'cycle', warmup, requests, limits);
    return { users: BIG_USERS, idle, peak: Math.max(idle, loaded.peakRss) };
  } finally {
    await server.stop();
  }
}
