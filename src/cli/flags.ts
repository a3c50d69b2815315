export type Flags = Record<string, string | boolean | undefined>;

/**
 * `--name value`, `--name=value` and bare `--switch` (true), in the AWS CLI's style; everything
 * else is positional. Hand-rolled because node:util parseArgs must be told every option up front,
 * and `tessera iam` takes whichever flags the operation has.
 */
export function parseFlags(args: string[]): { flags: Flags; positionals: string[] } {
  const flags: Flags = {};
  const positionals: string[] = [];

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }

    const eq = arg.indexOf('=');
    if (eq > 0) {
      flags[arg.slice(2, eq)] = arg.slice(eq + 1);
    } else if (i + 1 < args.length && !args[i + 1]!.startsWith('--')) {
      flags[arg.slice(2)] = args[++i];
    } else {
      flags[arg.slice(2)] = true;
    }
  }
  return { flags, positionals };
}
