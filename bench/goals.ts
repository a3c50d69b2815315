import { rows, type Report, type Row } from './report.js';
import { median } from './stats.js';

export interface Verdict {
  goal: string;
  measured: string;
  verdict: 'met' | 'not met' | 'not measured';
}

/** Issue 5's goals, judged on this report's medians. */
export function goals(report: Report): Verdict[] {
  const table = report.workloads.flatMap(rows);
  const tessera = (title: string): Row | undefined =>
    table.find((r) => r.server === 'tessera' && r.workload.startsWith(title));

  const list = tessera('IAM ListMFADevices');
  const enable = tessera('IAM EnableMFADevice');
  const sts = tessera('STS GetSessionToken');
  const out: Verdict[] = [
    judge('ListMFADevices ≥ 0.5 × floor', list?.vsFloor, (v) => v >= 0.5, '×'),
    judge('ListMFADevices ≥ 40 × moto', list?.vsMoto, (v) => v >= 40, '×'),
    judge('ListMFADevices p99 < 5 ms at 8 connections', list?.p99, (v) => v < 5, ' ms'),
    judge('EnableMFADevice ≥ 3,000 req/s', enable?.rps, (v) => v >= 3000, ' req/s'),
    judge('GetSessionToken with MFA ≥ 3,000 req/s', sts?.rps, (v) => v >= 3000, ' req/s'),
  ];

  for (const label of ['right code', 'wrong code']) {
    const ops = (who: string): number | undefined =>
      report.micro.find((m) => m.name === `TOTP ±1, ${label}: ${who}`)?.opsPerSecond;
    const mine = ops('Tessera findStep');
    const best = Math.max(ops('otpauth') ?? 0, ops('otplib') ?? 0);
    const share = mine === undefined || best === 0 ? undefined : mine / best;
    out.push(judge(`TOTP verify (${label}) ≥ fastest library`, share, (v) => v >= 1, '×'));
  }

  const signIns = report.console?.runs ?? [];
  const share = signIns.length > 0 ? median(signIns.map((r) => r.hashShare)) : undefined;
  out.push(judge('Console sign-in: password hash ≥ 90% of CPU', share, (v) => v >= 0.9, ''));
  // The goals say MB; /proc says KiB, shown as MiB.
  const mb = (limit: number) => (mib: number) => mib * 1.048576 < limit;
  out.push(judge('Idle RSS < 100 MB', report.memory.tesseraIdle, mb(100), ' MiB'));
  out.push(judge('RSS with 100,000 users < 200 MB', report.memory.big?.peak, mb(200), ' MiB'));
  return out;
}

function judge(
  goal: string,
  value: number | undefined,
  ok: (v: number) => boolean,
  unit: string,
): Verdict {
  if (value === undefined || Number.isNaN(value)) {
    return { goal, measured: '—', verdict: 'not measured' };
  }
  const shown = Math.round(value * 100) / 100;
  return {
    goal,
    measured: `${shown.toLocaleString('en')}${unit}`,
    verdict: ok(value) ? 'met' : 'not met',
  };
}
