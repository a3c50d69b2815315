import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { measure, type Measurement } from './load.js';
import type { Options } from './options.js';
import { startFloor, type Server } from './servers.js';
import type { RawRequest } from './signer.js';

export type TargetName = 'tessera' | 'moto' | 'floor';

export interface WorkloadRuns {
  name: string;
  title: string;
  runs: Partial<Record<TargetName, Measurement[]>>;
  notes: string[];
}

export interface Comparison {
  workload: { name: string; title: string; oneTime: boolean };
  tessera: Server;
  moto?: Server;
  runDir: string;
  options: Options;
  /** The signed requests of one repetition; one-time loads need fresh ones every time. */
  prepare: (rep: number) => Promise<RawRequest[]>;
  /** Counts what the database recorded as consumed codes; must grow by Tessera's successes. */
  consumed?: () => Promise<number>;
}

/**
 * Runs one workload against Tessera, moto and the floor, repetition by repetition, so that the
 * three figures of a repetition come from the same minute of the same machine.
 */
export async function compare(input: Comparison): Promise<WorkloadRuns> {
  const { workload, options } = input;
  const title = workload.title.replace('{users}', options.users.toLocaleString('en-US'));
  const result: WorkloadRuns = { name: workload.name, title, runs: {}, notes: [] };
  let floor: Server | undefined;

  try {
    for (let rep = 0; rep < options.repeat; rep++) {
      const requests = await input.prepare(rep);
      const before = await input.consumed?.();
      const sample = await capture(input.tessera, requests[0]!, input.runDir, workload.name);
      floor ??= await startFloor(sample, join(input.runDir, `floor-${workload.name}.log`));

      for (const server of [input.tessera, input.moto, floor]) {
        if (!server) continue;
        const { m, sent } = await measureOne(workload.oneTime, server, requests, input);
        (result.runs[server.name as TargetName] ??= []).push(m);
        if (server === input.tessera && input.consumed && before !== undefined) {
          // Requests in flight when the load stopped are answered after it; wait for them.
          await new Promise((wake) => setTimeout(wake, 500));
          result.notes.push(checkConsumed(before, await input.consumed(), m, sent, rep));
        }
      }
    }
  } finally {
    await floor?.stop();
  }
  return result;
}

/**
 * Every success seen (the sample, the warm-up's, the measured ones) must have consumed a code,
 * and nothing beyond the requests handed out may have: those in flight when the load stopped
 * were answered unseen, so the count may lie anywhere between the two.
 */
function checkConsumed(
  before: number,
  after: number,
  m: Measurement,
  sent: number,
  rep: number,
): string {
  const seen = 1 + m.warmupOk + m.ok;
  const consumed = after - before;
  const verdict = consumed >= seen && consumed <= 1 + sent ? 'consistent' : 'INCONSISTENT';
  return (
    `repetition ${rep + 1}: ${consumed} codes consumed, ${seen} successes seen, ` +
    `${1 + sent} requests handed out: ${verdict}`
  );
}

async function measureOne(
  oneTime: boolean,
  server: Server,
  requests: RawRequest[],
  input: Comparison,
): Promise<{ m: Measurement; sent: number }> {
  const { options, runDir } = input;
  const limits = { connections: options.connections, seconds: options.seconds };
  if (!oneTime) {
    const warmup = { requests, amount: options.warmup };
    const m = await measure(server, runDir, 'cycle', warmup, requests, limits);
    return { m, sent: 0 };
  }

  // Request 0 was the sample; then the warm-up's share, then the measured share.
  const warm = requests.slice(1, 1 + options.warmup);
  const measured = requests.slice(1 + options.warmup);
  const warmup = { requests: warm, amount: warm.length };
  // The floor checks no code, so it may replay the list for the whole time: it would otherwise
  // spend the pool in a second or two, too short a load to be measured well.
  if (server.name === 'floor') {
    return { m: await measure(server, runDir, 'cycle', warmup, measured, limits), sent: 0 };
  }

  const amount = measured.length - 2 * options.connections;
  const m = await measure(server, runDir, 'once', warmup, measured, { ...limits, amount });
  return { m, sent: m.handedOut };
}

/** Sends one request and keeps Tessera's answer: the bytes the floor will answer with. */
async function capture(
  tessera: Server,
  request: RawRequest,
  runDir: string,
  name: string,
): Promise<string> {
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([key]) => !/^(host|content-length)$/i.test(key)),
  );
  const response = await fetch(tessera.url, { method: 'POST', headers, body: request.body });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${name}: Tessera answered ${response.status}`);

  const file = join(runDir, `response-${name}.json`);
  const contentType = response.headers.get('content-type') ?? 'text/xml';
  writeFileSync(file, JSON.stringify({ status: response.status, contentType, body }));
  return file;
}
