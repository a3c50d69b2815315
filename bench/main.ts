import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { consolePhase } from './console-phase.js';
import { loadNow, machineFacts, versionOf } from './machine.js';
import { toMarkdown } from './markdown.js';
import { measureBig } from './memory.js';
import { microMedians } from './micro-repeat.js';
import { parseOptions, type Options } from './options.js';
import { wanted } from './pools.js';
import { createDatabase, databaseUrl, dropDatabase } from './postgres.js';
import { writeReport, type Memory } from './report.js';
import { rssMiB } from './rss.js';
import { seedMoto } from './seed-moto.js';
import { openTessera, seedAccount } from './seed-tessera.js';
import { killAll, ROOT, startMoto, type Server } from './servers.js';
import { TesseraUnderTest } from './tessera.js';
import { runWorkloads } from './workload-phase.js';

const RESULTS = join(ROOT, 'bench/results');

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!versionOf('wrk', ['-v']))
    throw new Error('the load generator wrk is missing: apt-get install wrk');
  const runDir = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
  const facts = machineFacts();
  const databases: string[] = [];
  let moto: Server | undefined;
  let finished = false;

  try {
    log(`run folder ${runDir}`);
    log('micro benchmarks');
    const micro = await microMedians(options);

    const database = options.postgres ? await freshDatabase(databases) : undefined;
    if (options.postgres) facts.postgres = versionOf('psql', ['-tAc', 'show server_version']);
    const tessera = new TesseraUnderTest(runDir, 'data', database, options.profile);
    const memory: Memory = {};
    const booted = await openTessera(tessera.dataDir, database);
    memory.tesseraIdle = await idleRss(tessera);

    if (options.moto) {
      moto = await startMoto(join(runDir, 'moto.log'));
      memory.motoIdle = rssMiB([moto.pid], 'VmRSS');
    }
    log(`seeding ${options.users} users and devices into Tessera${moto ? ' and moto' : ''}`);
    await Promise.all([
      seedAccount(booted.deps, options.users),
      moto ? seedMoto(moto.url, options.users) : Promise.resolve(),
    ]);
    if (moto) memory.motoSeeded = rssMiB([moto.pid], 'VmRSS');

    const workloads = await runWorkloads({
      tessera,
      deps: booted.deps,
      moto,
      runDir,
      options,
      log,
    });
    const consoleRuns = wanted(options, 'console-signin')
      ? await consolePhase(tessera, booted.deps, options)
      : undefined;
    await booted.deps.store.close();

    if (options.big) {
      log('memory with 100,000 users and devices');
      const bigDb = options.postgres ? await freshDatabase(databases) : undefined;
      memory.big = await measureBig(runDir, bigDb, options);
    }

    facts.loadAverage.end = loadNow();
    const settings = settingsOf(options);
    const report = { facts, settings, micro, workloads, memory, console: consoleRuns };
    writeReport(RESULTS, report, toMarkdown(report));
    log(`wrote ${join(RESULTS, 'latest.md')} and latest.json`);
    finished = true;
  } finally {
    await moto?.stop();
    for (const name of databases) await dropDatabase(name);
    // Logs and profiles stay for a look when the run failed or was asked to profile.
    if (finished && !options.profile) rmSync(runDir, { recursive: true, force: true });
  }
}

async function idleRss(tessera: TesseraUnderTest): Promise<number> {
  const server = await tessera.start('idle');
  await new Promise((wake) => setTimeout(wake, 2_000));
  const rss = rssMiB([server.pid], 'VmRSS');
  await server.stop();
  return rss;
}

async function freshDatabase(created: string[]): Promise<string> {
  const name = await createDatabase();
  created.push(name);
  return databaseUrl(name);
}

function settingsOf(options: Options): Record<string, unknown> {
  return {
    database: options.postgres ? 'PostgreSQL' : 'SQLite',
    connections: options.connections,
    'seconds per load': options.seconds,
    repetitions: options.repeat,
    'read account users': options.users,
    'one-time requests per load': options.pool,
    'warm-up requests': options.warmup,
    moto_server: options.moto ? 'run' : 'not run',
  };
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
