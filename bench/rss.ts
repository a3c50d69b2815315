import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Memory of a process from /proc/<pid>/status, in MiB: VmRSS now, VmHWM the peak. Writing 5 to
 * clear_refs resets the peak (Linux 4.0+), so each load gets its own peak.
 */
export function rssMiB(pids: number[], field: 'VmRSS' | 'VmHWM'): number {
  let kib = 0;
  for (const pid of pids) {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    kib += match ? Number(match[1]) : 0;
  }
  return Math.round((kib / 1024) * 10) / 10;
}

export function resetPeak(pids: number[]): void {
  for (const pid of pids) writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** The process and its children (cluster workers), read from /proc. */
export function processTree(pid: number): number[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter((text) => text.length > 0)
    .map(Number);
  return [pid, ...children.flatMap(processTree)];
}
