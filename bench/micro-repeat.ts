import { runMicro, type MicroResult } from './micro.js';
import type { Options } from './options.js';
import { median } from './stats.js';

/** The micro benchmarks, repeated like the loads, each figure the median of its repetitions. */
export async function microMedians(options: Options): Promise<MicroResult[]> {
  const seconds = options.quick ? 0.3 : 1;
  const all: MicroResult[][] = [];
  for (let rep = 0; rep < options.repeat; rep++) all.push(await runMicro(seconds));

  return all[0]!.map((first, i) => ({
    name: first.name,
    opsPerSecond: Math.round(median(all.map((results) => results[i]!.opsPerSecond))),
  }));
}
