import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

export interface MachineFacts {
  date: string;
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  /** The 1-minute load average when the run started and ended. */
  loadAverage: { start: number; end?: number };
  moto?: string;
  wrk?: string;
  postgres?: string;
}

/** The facts a reader needs to compare a table with another machine's. */
export function machineFacts(): MachineFacts {
  return {
    date: new Date().toISOString(),
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: { start: loadNow() },
    moto: versionOf('python3', ['-c', 'import moto; print(moto.__version__)']),
    wrk: versionOf('wrk', ['-v'])?.split(' ')[1],
  };
}

export function loadNow(): number {
  return Math.round(loadavg()[0]! * 100) / 100;
}

/** What a command prints (wrk prints its version and exits 1), or undefined if it is missing. */
export function versionOf(command: string, args: string[]): string | undefined {
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 20_000 });
  if (run.error) return undefined;
  return `${run.stdout}${run.stderr}`.trim().split('\n')[0];
}
