import { ConfigError } from '../config.js';
import { MasterKeyMismatch } from '../domain/account.js';
import { ServiceUnavailable } from '../domain/errors.js';
import { parseFlags, type Flags } from './flags.js';
import { USAGE, UsageError } from './usage.js';

/** A command gets its parsed flags, its positional words, and the raw arguments after its name. */
type Command = (flags: Flags, positionals: string[], args: string[]) => unknown;

/**
 * Each command's module is loaded only when that command runs, so `tessera iam ...` does not pay
 * for loading the server, the console and the database drivers.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.js')).serve,
  init: async () => (await import('./init.js')).init,
  totp: async () => (await import('./totp.js')).totp,
  iam: async () => {
    const { runAwsCommand } = await import('./iam/command.js');
    return (_flags, _positionals, args) => runAwsCommand('iam', args);
  },
  sts: async () => {
    const { runAwsCommand } = await import('./iam/command.js');
    return (_flags, _positionals, args) => runAwsCommand('sts', args);
  },
  'root-password': async () => (await import('./root-password.js')).rootPassword,
  migrate: async () => (await import('./migrate.js')).migrateCommand,
  export: async () => (await import('./export.js')).exportCommand,
  import: async () => (await import('./import.js')).importCommand,
  audit: async () => (await import('./audit.js')).auditCommand,
  backup: async () => (await import('./backup.js')).backupCommand,
};

/** The settings every command that opens the data folder or database reads (see config.ts). */
const CONFIG_FLAGS = [
  'host',
  'port',
  'data',
  'account-id',
  'database',
  'issuer',
  'master-key-file',
  'log-level',
  'tls-cert',
  'tls-key',
  'db-pool-size',
  'db-statement-timeout-ms',
];

/** The flags each command takes; anything else is a typo, refused before the command runs. */
const ACCEPTED_FLAGS: Record<string, string[]> = {
  serve: CONFIG_FLAGS,
  init: CONFIG_FLAGS,
  migrate: CONFIG_FLAGS,
  export: CONFIG_FLAGS,
  import: CONFIG_FLAGS,
  backup: CONFIG_FLAGS,
  'root-password': CONFIG_FLAGS,
  audit: [...CONFIG_FLAGS, 'since', 'user', 'event', 'failed', 'format', 'limit'],
  totp: ['seed', 'time'],
};

/** `tessera <command> --help` prints that command's lines of the usage, and runs nothing. */
function wantsHelp(name: string, rest: string[]): boolean {
  if (name === 'iam' || name === 'sts') return false;
  return rest.some((arg) => arg === '--help' || arg === '-h' || arg === 'help');
}

function commandUsage(name: string): string {
  const lines = USAGE.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`  ${name} `));
  if (start < 0) return USAGE;

  let end = start + 1;
  while (end < lines.length && /^ {5,}\S/.test(lines[end]!)) end++;
  const text = lines
    .slice(start, end)
    .join('\n')
    .trim()
    .replace(/^(\S+) +/, '$1 ');
  return `Usage: tessera ${text}\n`;
}

function checkFlags(name: string, flags: Flags): void {
  const accepted = ACCEPTED_FLAGS[name];
  if (!accepted) return;

  const unknown = Object.keys(flags).filter((flag) => !accepted.includes(flag));
  if (unknown.length > 0) {
    throw new UsageError(`unknown option --${unknown[0]} for "${name}"`);
  }
}

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return;
  }

  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) throw new UsageError(`unknown command "${name}"`);
  if (wantsHelp(name, rest)) {
    process.stdout.write(commandUsage(name));
    return;
  }

  const { flags, positionals } = parseFlags(rest);
  checkFlags(name, flags);
  const command = await load();
  await command(flags, positionals, rest);
}

function fail(error: unknown): void {
  if (error instanceof UsageError) {
    process.stderr.write(`tessera: ${error.message}\nRun "tessera --help" for usage.\n`);
    process.exitCode = 2;
  } else if (error instanceof ConfigError || error instanceof MasterKeyMismatch) {
    process.stderr.write(`tessera: ${error.message}\n`);
    process.exitCode = 1;
  } else if (error instanceof ServiceUnavailable) {
    // The driver's own words (never the URL, which may carry a password) say what went wrong.
    const cause = error.cause instanceof Error ? error.cause.message : error.message;
    process.stderr.write(`tessera: the database cannot be reached: ${cause}\n`);
    process.exitCode = 1;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`tessera: ${message}\n`);
    process.exitCode = 1;
  }
}

main(process.argv.slice(2)).catch(fail);
