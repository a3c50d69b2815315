import { verifyPassword } from '../src/core/crypto/index.js';
import { signIn } from './console-signin.js';
import { cpuTicks } from './load.js';
import { processTree, resetPeak, rssMiB } from './rss.js';
import { CONSOLE_PASSWORD, type ConsoleUser } from './seed-console.js';
import type { Server } from './servers.js';
import { median } from './stats.js';

/** Browsers signing in at once: as many as libuv's default pool has threads for the hash. */
const CONCURRENCY = 4;

export interface ConsoleMeasurement {
  signIns: number;
  failed: number;
  perSecond: number;
  p50: number;
  p99: number;
  peakRss: number;
  /** Server CPU (all its threads) per sign-in, and what one password check costs alone, in ms. */
  cpuPerSignIn: number;
  hashCpu: number;
  /** The share of the server's CPU that went into password hashing. */
  hashShare: number;
}

/**
 * Console sign-ins (password, then code), each user once, for at most `seconds`. The hash share
 * compares the server's CPU per sign-in with the CPU of one password check measured here.
 */
export async function measureConsole(
  server: Server,
  accountId: string,
  users: ConsoleUser[],
  passwordHash: string,
  seconds: number,
): Promise<ConsoleMeasurement> {
  const hashCpu = await cpuOfPasswordCheck(passwordHash);
  const pids = processTree(server.pid);
  resetPeak(pids);
  const before = cpuTicks(pids);

  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const browser = async (): Promise<void> => {
    while (next < users.length && performance.now() < deadline) {
      const user = users[next++]!;
      const t = performance.now();
      if (await signIn(server.url, accountId, user)) latencies.push(performance.now() - t);
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, browser));

  const elapsed = (performance.now() - started) / 1000;
  const cpuMs = (cpuTicks(pids) - before) * 10;
  const signIns = latencies.length;
  const cpuPerSignIn = cpuMs / Math.max(1, signIns + failed);
  return {
    signIns,
    failed,
    perSecond: Math.round((signIns / elapsed) * 100) / 100,
    p50: Math.round(percentile(latencies, 0.5)),
    p99: Math.round(percentile(latencies, 0.99)),
    peakRss: rssMiB(pids, 'VmHWM'),
    cpuPerSignIn: Math.round(cpuPerSignIn),
    hashCpu: Math.round(hashCpu),
    hashShare: Math.round((hashCpu / cpuPerSignIn) * 100) / 100,
  };
}

/** CPU milliseconds of one scrypt check at the stored hash's cost, the median of three. */
async function cpuOfPasswordCheck(passwordHash: string): Promise<number> {
  const costs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const before = process.cpuUsage();
    await verifyPassword(CONSOLE_PASSWORD, passwordHash);
    const used = process.cpuUsage(before);
    costs.push((used.user + used.system) / 1000);
  }
  return median(costs);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
