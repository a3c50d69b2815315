import { readFileSync } from 'node:fs';

import autocannon, { type AutocannonResult, type RawRequest } from 'autocannon';

import { processTree, resetPeak, rssMiB } from './rss.js';
import type { Server } from './servers.js';

export interface LoadLimits {
  connections: number;
  seconds: number;
  /** Stop after this many requests too (one-time codes: never more than were prepared). */
  amount?: number;
}

/** One measured load against one server. Latencies in milliseconds, memory in MiB. */
export interface Measurement {
  requests: number;
  /** 2xx answers, in the measured load and in its warm-up. */
  ok: number;
  warmupOk: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  peakRss: number;
  /** CPU the server used, in cores (1.0 = one core busy all the time). */
  serverCores: number;
  /** Server CPU time per answered request, in µs: the figure least moved by a busy machine. */
  cpuPerRequest: number;
  /** CPU the load generator (this process) used, in cores. */
  generatorCores: number;
}

/** Hands out requests in turn, forever (reads), or each at most once (one-time codes). */
export function cycle(requests: RawRequest[]): () => RawRequest {
  let next = 0;
  return () => requests[next++ % requests.length]!;
}

/** A source of requests that counts how many it handed out. */
export interface Source {
  next: () => RawRequest;
  handedOut: () => number;
}

export function once(requests: RawRequest[]): Source {
  let next = 0;
  return {
    // Past the end the last one is repeated: a replay, which the server must refuse and the
    // result then counts as failed. The pools are sized so that this does not happen.
    next: () => requests[Math.min(next++, requests.length - 1)]!,
    handedOut: () => Math.min(next, requests.length),
  };
}

/** Warms the server up, then measures one load, bounded in time and (when given) count. */
export async function measure(
  server: Server,
  warmup: { next: () => RawRequest; amount: number },
  next: () => RawRequest,
  limits: LoadLimits,
): Promise<Measurement> {
  const warm = await drive(server.url, warmup.next, {
    ...limits,
    amount: warmup.amount,
    seconds: 30,
  });

  const pids = processTree(server.pid);
  resetPeak(pids);
  const cpuBefore = cpuTicks(pids);
  const ownBefore = process.cpuUsage();
  const result = await drive(server.url, next, limits);
  const own = process.cpuUsage(ownBefore);
  const serverTicks = cpuTicks(pids) - cpuBefore;

  const requests = result['2xx'] + result.non2xx;
  return {
    requests,
    ok: result['2xx'],
    warmupOk: warm['2xx'],
    seconds: result.duration,
    rps: Math.round(result['2xx'] / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
    peakRss: rssMiB(pids, 'VmHWM'),
    serverCores: round2(serverTicks / 100 / result.duration),
    cpuPerRequest: Math.round((serverTicks * 10_000) / Math.max(1, requests)),
    generatorCores: round2((own.user + own.system) / 1e6 / result.duration),
  };
}

function drive(url: string, next: () => RawRequest, limits: LoadLimits): Promise<AutocannonResult> {
  return new Promise((done, fail) => {
    const instance = autocannon(
      {
        url,
        connections: limits.connections,
        ...(limits.amount === undefined ? { duration: limits.seconds } : { amount: limits.amount }),
        timeout: 10,
        requests: [{ setupRequest: () => next() }],
      },
      (error, result) => {
        clearTimeout(timer);
        if (error) fail(error);
        else done(result);
      },
    );
    // autocannon ignores the duration once an amount is set; this keeps the time bound.
    const grace = limits.amount === undefined ? 2000 : 0;
    const timer = setTimeout(() => instance.stop(), limits.seconds * 1000 + grace);
  });
}

/** utime + stime of the processes, in clock ticks (100 a second on Linux). */
export function cpuTicks(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
