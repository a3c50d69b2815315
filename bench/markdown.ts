import type { ConsoleMeasurement } from './console-load.js';
import { goals } from './goals.js';
import { rows, type Report } from './report.js';
import { median } from './stats.js';

/** The report as Markdown: machine, load table, micro table, memory, and the goals' verdicts. */
export function toMarkdown(report: Report): string {
  const { facts } = report;
  const lines = [
    '# Tessera benchmarks',
    '',
    `${facts.date.slice(0, 10)} · ${facts.cores} cores (${facts.cpu}) · ${facts.memoryGiB} GiB · ` +
      `Node ${facts.node} · moto ${report.settings.moto_server === 'not run' ? 'not run' : (facts.moto ?? 'absent')} · ` +
      `wrk ${facts.wrk ?? 'absent'}` +
      (facts.postgres ? ` · PostgreSQL ${facts.postgres}` : ' · SQLite'),
    '',
    `Load average (1 min) at start ${facts.loadAverage.start}, at end ${facts.loadAverage.end}: ` +
      'other processes on the machine compete for its cores.',
    '',
    `Settings: ${Object.entries(report.settings)
      .map(([k, v]) => `${k} ${String(v)}`)
      .join(', ')}.`,
    '',
    '| workload | server | req/s | p50 ms | p99 ms | peak RSS MiB | server cores | ' +
      'CPU µs/req | failed | × moto | × floor |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of report.workloads.flatMap(rows)) {
    lines.push(
      `| ${row.workload} | ${row.server} | ${row.rps} | ${row.p50} | ${row.p99} | ` +
        `${row.peakRss} | ${row.serverCores} | ${row.cpuPerRequest} | ${row.failed} | ` +
        `${row.vsMoto ?? ''} | ` +
        `${row.vsFloor ?? ''} |`,
    );
  }

  lines.push('', '| micro (one process) | ops/s |', '| --- | ---: |');
  for (const m of report.micro)
    lines.push(`| ${m.name} | ${m.opsPerSecond.toLocaleString('en')} |`);

  lines.push(...consoleTable(report));

  const mem = report.memory;
  lines.push('', '| memory | RSS MiB |', '| --- | ---: |');
  if (mem.tesseraIdle !== undefined) lines.push(`| Tessera idle | ${mem.tesseraIdle} |`);
  if (mem.big) {
    const users = mem.big.users.toLocaleString('en');
    lines.push(`| Tessera idle, ${users} users and devices | ${mem.big.idle} |`);
    lines.push(`| Tessera peak under load, ${users} users and devices | ${mem.big.peak} |`);
  }
  if (mem.motoIdle !== undefined) lines.push(`| moto idle | ${mem.motoIdle} |`);
  if (mem.motoSeeded !== undefined) lines.push(`| moto after seeding | ${mem.motoSeeded} |`);

  for (const workload of report.workloads) {
    for (const note of workload.notes) lines.push('', `- ${workload.name}: ${note}`);
  }

  lines.push('', '| goal | measured | verdict |', '| --- | --- | --- |');
  for (const goal of goals(report))
    lines.push(`| ${goal.goal} | ${goal.measured} | ${goal.verdict} |`);
  return `${lines.join('\n')}\n`;
}

function consoleTable(report: Report): string[] {
  const result = report.console;
  if (!result) return [];
  if (result.runs.length === 0) return ['', `Console sign-in: not measured (${result.skipped}).`];

  const pick = (f: (r: ConsoleMeasurement) => number): number => median(result.runs.map(f));
  return [
    '',
    '| console sign-in (password + code, 4 browsers) | sign-ins/s | p50 ms | p99 ms | ' +
      'peak RSS MiB | server CPU ms per sign-in | one password check, CPU ms | hash share |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| tessera | ${pick((r) => r.perSecond)} | ${pick((r) => r.p50)} | ${pick((r) => r.p99)} | ` +
      `${pick((r) => r.peakRss)} | ${pick((r) => r.cpuPerSignIn)} | ${pick((r) => r.hashCpu)} | ` +
      `${pick((r) => r.hashShare)} |`,
  ];
}
