/** What one run of the harness measures, from its command line. */
export interface Options {
  quick: boolean;
  postgres: boolean;
  big: boolean;
  profile: boolean;
  moto: boolean;
  repeat: number;
  /** Longest a measured load runs; one-time-code loads also stop when their pool is spent. */
  seconds: number;
  connections: number;
  /** Users (each with one MFA device) in the account the read workloads run against. */
  users: number;
  /** Signed one-time-code requests prepared per repetition of a write workload. */
  pool: number;
  /** Requests sent before each measured load, so every server is warm. */
  warmup: number;
  only?: string[];
}

export const USAGE = `usage: npm run bench -- [options]
  --quick          small and short: 2,000 users, 3 s loads, one repetition
  --postgres       Tessera on a fresh PostgreSQL database (127.0.0.1:5432, tessera_bench_*)
  --repeat N       repetitions of every load (median quoted), default 3
  --big            also measure RSS with 100,000 users and devices
  --profile        write a CPU profile of Tessera per workload (the run folder's profiles/)
  --only a,b       only these workloads: list-mfa-devices, get-user, enable-mfa-device,
                   get-session-token, console-signin
  --no-moto        skip moto_server (no ratios to moto)
  --seconds S      length of each measured load, default 10`;

export function parseOptions(argv: string[]): Options {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new TypeError(`unexpected argument ${arg}\n${USAGE}`);
    const next = argv[i + 1];
    const takesValue = ['--repeat', '--only', '--seconds'].includes(arg);
    if (takesValue && next === undefined) throw new TypeError(`${arg} needs a value`);
    flags.set(arg.slice(2), takesValue ? next! : true);
    if (takesValue) i++;
  }

  const known = ['quick', 'postgres', 'big', 'profile', 'no-moto', 'repeat', 'only', 'seconds'];
  for (const name of flags.keys()) {
    if (![...known, 'help'].includes(name)) throw new TypeError(`unknown --${name}`);
  }
  if (flags.has('help')) throw new TypeError(USAGE);

  const quick = flags.has('quick');
  return {
    quick,
    postgres: flags.has('postgres'),
    big: flags.has('big'),
    profile: flags.has('profile'),
    moto: !flags.has('no-moto'),
    repeat: count(flags.get('repeat'), quick ? 1 : 3),
    seconds: count(flags.get('seconds'), quick ? 3 : 10),
    connections: 8,
    users: quick ? 2_000 : 10_000,
    pool: quick ? 4_000 : 15_000,
    warmup: quick ? 500 : 2_000,
    only: typeof flags.get('only') === 'string' ? String(flags.get('only')).split(',') : undefined,
  };
}

function count(value: string | true | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new TypeError(`expected a positive integer: ${value}`);
  return n;
}
