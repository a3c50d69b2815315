import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { processTree, resetPeak, rssMiB } from './rss.js';
import { track, type Server } from './servers.js';
import type { RawRequest } from './signer.js';

const SCRIPT = join(import.meta.dirname, '../../../bench/requests.lua');
const SEPARATOR = '\n--wrk-request--\n';

export interface LoadLimits {
  connections: number;
  seconds: number;
  /** Stop after this many answers too (one-time codes: never more than were prepared). */
  amount?: number;
}

/** How requests are handed out: in turn forever (reads), or each at most once (codes). */
export type Mode = 'cycle' | 'once';

/** One measured load against one server. Latencies in milliseconds, memory in MiB. */
export interface Measurement {
  requests: number;
  /** 2xx answers, in the measured load and in its warm-up. */
  ok: number;
  warmupOk: number;
  /** Requests given to the wire, warm-up included (each one-time code at most once). */
  handedOut: number;
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
  /** CPU the load generator (wrk) used, in cores. */
  generatorCores: number;
}

interface WrkResult {
  requests: number;
  durationUs: number;
  ok: number;
  socketErrors: number;
  timeouts: number;
  p50Us: number;
  p99Us: number;
  handedOut: number;
  cpuTicks: number;
}

/** Warms the server up, then measures one load, bounded in time and (when given) count. */
export async function measure(
  server: Server,
  runDir: string,
  mode: Mode,
  warmup: { requests: RawRequest[]; amount: number },
  requests: RawRequest[],
  limits: LoadLimits,
): Promise<Measurement> {
  const warmLimits = { ...limits, amount: warmup.amount, seconds: 30 };
  const warm = await wrk(server.url, runDir, mode, warmup.requests, warmLimits);

  const pids = processTree(server.pid);
  resetPeak(pids);
  const before = cpuTicks(pids);
  const result = await wrk(server.url, runDir, mode, requests, limits);
  const ticks = cpuTicks(pids) - before;

  const seconds = result.durationUs / 1e6;
  return {
    requests: result.requests,
    ok: result.ok,
    warmupOk: warm.ok,
    handedOut: warm.handedOut + result.handedOut,
    seconds: round2(seconds),
    rps: Math.round(result.ok / seconds),
    p50: round2(result.p50Us / 1000),
    p99: round2(result.p99Us / 1000),
    failed: result.requests - result.ok + result.socketErrors + result.timeouts,
    peakRss: rssMiB(pids, 'VmHWM'),
    serverCores: round2(ticks / 100 / seconds),
    cpuPerRequest: Math.round((ticks * 10_000) / Math.max(1, result.requests)),
    generatorCores: round2(result.cpuTicks / 100 / seconds),
  };
}

/** One wrk run: one thread, `connections` connections, at most `seconds`, on loopback only. */
async function wrk(
  url: string,
  runDir: string,
  mode: Mode,
  requests: RawRequest[],
  limits: LoadLimits,
): Promise<WrkResult> {
  if (!url.startsWith('http://127.0.0.1:')) throw new TypeError(`not a loopback URL: ${url}`);
  const file = join(runDir, 'requests.txt');
  writeFileSync(file, requests.map((r) => rawHttp(r) + SEPARATOR).join(''));

  const args = ['-t1', `-c${limits.connections}`, `-d${limits.seconds}s`, '--timeout', '10s'];
  args.push('-s', SCRIPT, url, '--', file, mode, String(limits.amount ?? 0));
  const child = track(spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] }));
  let out = '';
  let ticks = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    // wrk sleeps out its whole duration even after the script stopped its thread; SIGINT ends
    // it at once, and it still reports (its duration is measured up to that moment).
    if (out.includes('limit reached\n') && !out.includes('{"requests"')) child.kill('SIGINT');
  });
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const sampler = setInterval(() => (ticks = cpuTicksOr(child.pid!, ticks)), 200);

  const code = await new Promise<number | null>((done) => child.once('exit', done));
  clearInterval(sampler);
  const line = out.split('\n').find((text) => text.startsWith('{"requests"'));
  if (code !== 0 || !line) throw new Error(`wrk failed (${code}):\n${out}`);
  return { ...(JSON.parse(line) as Omit<WrkResult, 'cpuTicks'>), cpuTicks: ticks };
}

/** The request as it goes on the wire; wrk sends these bytes unchanged. */
function rawHttp(request: RawRequest): string {
  const lines = [`${request.method} ${request.path} HTTP/1.1`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${value}`);
  lines.push(`content-length: ${Buffer.byteLength(request.body)}`, '', request.body);
  return lines.join('\r\n');
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

/** The last reading, once the process is gone (wrk exits at the end of its run). */
function cpuTicksOr(pid: number, last: number): number {
  try {
    return cpuTicks([pid]);
  } catch {
    return last;
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
