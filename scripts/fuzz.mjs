#!/usr/bin/env node
// `npm run fuzz -- --count 100000 [--seed N]`: the fuzz test (test/e2e/fuzz.test.ts) for longer
// than CI runs it. The count and seed reach the test as FUZZ_COUNT and FUZZ_SEED.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { count: { type: 'string' }, seed: { type: 'string' } },
  strict: true,
});
const env = { ...process.env };
if (values.count !== undefined) env.FUZZ_COUNT = values.count;
if (values.seed !== undefined) env.FUZZ_SEED = values.seed;

const vitest = ['vitest', 'run', 'test/e2e/fuzz.test.ts'];
const result = spawnSync('npx', vitest, { env, stdio: 'inherit' });
process.exitCode = result.status ?? 1;
