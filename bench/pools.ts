import type { Deps } from '../src/domain/context.js';
import { consumedCodes } from './consumed.js';
import type { Options } from './options.js';
import {
  seedEnablePool,
  seedStsPool,
  type EnablePoolDevice,
  type StsPoolUser,
} from './seed-tessera.js';
import type { RawRequest } from './signer.js';
import type { TesseraUnderTest } from './tessera.js';
import { signEnables, signRead, signSessions, type WorkloadName } from './workloads.js';

/** Every one-time code the write loads will send: `perRep` for each repetition. */
export interface Pools {
  perRep: number;
  sts: StsPoolUser[];
  enable: EnablePoolDevice[];
}

export const NO_POOLS: Pools = { perRep: 0, sts: [], enable: [] };

export function wanted(options: Options, name: string): boolean {
  return !options.only || options.only.includes(name);
}

/** Seeds the pools at once: the sample, the warm-up, the load, and a margin for in-flight. */
export async function seedPools(options: Options, deps: Deps): Promise<Pools> {
  const perRep = 1 + options.warmup + options.pool + 2 * options.connections;
  const total = perRep * options.repeat;
  return {
    perRep,
    sts: wanted(options, 'get-session-token') ? await seedStsPool(deps, 0, total) : [],
    enable: wanted(options, 'enable-mfa-device')
      ? await seedEnablePool(deps, 0, total, options.users)
      : [],
  };
}

/** Signs a repetition's requests just before its load, so every code is current. */
export function preparer(
  name: WorkloadName,
  tessera: TesseraUnderTest,
  host: string,
  pools: Pools,
): (rep: number) => Promise<RawRequest[]> {
  const slice = <T>(items: T[], rep: number): T[] =>
    items.slice(rep * pools.perRep, (rep + 1) * pools.perRep);

  return (rep) => {
    if (name === 'enable-mfa-device') {
      return signEnables(slice(pools.enable, rep), tessera.root, host);
    }
    if (name === 'get-session-token') return signSessions(slice(pools.sts, rep), host);
    return signRead(name, tessera.root, host);
  };
}

/** What the database counts as consumed for a write workload (see consumed.ts). */
export function consumedCounter(deps: Deps, name: WorkloadName): () => Promise<number> {
  return async () => {
    const counts = await consumedCodes(deps);
    return name === 'get-session-token' ? counts.sessions : counts.enabled;
  };
}
