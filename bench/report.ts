import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { TargetName, WorkloadRuns } from './compare.js';
import type { ConsoleResult } from './console-phase.js';
import type { Measurement } from './load.js';
import type { MachineFacts } from './machine.js';
import type { MicroResult } from './micro.js';
import { median, ratio } from './stats.js';

export interface Memory {
  tesseraIdle?: number;
  motoIdle?: number;
  motoSeeded?: number;
  big?: { users: number; idle: number; peak: number };
}

export interface Report {
  facts: MachineFacts;
  settings: Record<string, unknown>;
  micro: MicroResult[];
  workloads: WorkloadRuns[];
  memory: Memory;
  console?: ConsoleResult;
}

export interface Row {
  workload: string;
  server: TargetName;
  rps: number;
  p50: number;
  p99: number;
  peakRss: number;
  serverCores: number;
  cpuPerRequest: number;
  failed: number;
  vsMoto?: number;
  vsFloor?: number;
}

/** Medians over repetitions; ratios are taken within each repetition, then their median. */
export function rows(workload: WorkloadRuns): Row[] {
  const out: Row[] = [];
  for (const server of ['tessera', 'moto', 'floor'] as const) {
    const runs = workload.runs[server];
    if (!runs || runs.length === 0) continue;
    const pick = (f: (m: Measurement) => number): number => median(runs.map(f));
    out.push({
      workload: workload.title,
      server,
      rps: Math.round(pick((m) => m.rps)),
      p50: pick((m) => m.p50),
      p99: pick((m) => m.p99),
      peakRss: pick((m) => m.peakRss),
      serverCores: pick((m) => m.serverCores),
      cpuPerRequest: pick((m) => m.cpuPerRequest),
      failed: runs.reduce((sum, m) => sum + m.failed, 0),
      ...(server === 'tessera'
        ? { vsMoto: ratioOf(workload, 'moto'), vsFloor: ratioOf(workload, 'floor') }
        : {}),
    });
  }
  return out;
}

function ratioOf(workload: WorkloadRuns, other: TargetName): number | undefined {
  const mine = workload.runs.tessera ?? [];
  const theirs = workload.runs[other] ?? [];
  if (theirs.length === 0) return undefined;
  return median(mine.map((m, i) => ratio(m.rps, theirs[i]?.rps ?? NaN)));
}

export function writeReport(dir: string, report: Report, markdown: string): void {
  mkdirSync(dir, { recursive: true });
  const table = report.workloads.flatMap(rows);
  const json = { ...report, table };
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(join(dir, 'latest.md'), markdown);
}
