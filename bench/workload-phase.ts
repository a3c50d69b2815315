import type { Deps } from '../src/domain/context.js';
import { compare, type WorkloadRuns } from './compare.js';
import type { Options } from './options.js';
import { consumedCounter, NO_POOLS, preparer, seedPools, wanted, type Pools } from './pools.js';
import type { Server } from './servers.js';
import type { TesseraUnderTest } from './tessera.js';
import { WORKLOADS } from './workloads.js';

/**
 * The API workloads in order, reads first: the one-time-code pools are seeded only before the
 * first write, so the reads ran against an account of exactly `options.users`. Tessera is
 * restarted per workload, so each has its own peak RSS (and, with --profile, its own profile).
 */
export async function runWorkloads(input: {
  tessera: TesseraUnderTest;
  deps: Deps;
  moto?: Server;
  runDir: string;
  options: Options;
  log: (message: string) => void;
}): Promise<WorkloadRuns[]> {
  const { tessera, deps, options } = input;
  const out: WorkloadRuns[] = [];
  let pools: Pools | undefined;

  for (const workload of WORKLOADS) {
    if (!wanted(options, workload.name)) continue;
    if (workload.oneTime && !pools) {
      input.log('seeding one-time-code users and devices');
      pools = await seedPools(options, deps);
    }

    input.log(`workload ${workload.name}`);
    const server = await tessera.start(workload.name);
    try {
      const host = new URL(server.url).host;
      const prepare = preparer(workload.name, tessera, host, pools ?? NO_POOLS);
      const consumed = workload.oneTime ? consumedCounter(deps, workload.name) : undefined;
      const { moto, runDir } = input;
      out.push(
        await compare({ workload, tessera: server, moto, runDir, options, prepare, consumed }),
      );
    } finally {
      await server.stop();
    }
  }
  return out;
}
