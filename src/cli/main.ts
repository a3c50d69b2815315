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

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return;
  }

  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) throw new UsageError(`unknown command "${name}"`);
  const command = await load();
  const { flags, positionals } = parseFlags(rest);
  await command(flags, positionals, rest);
}

function fail(error: unknown): void {
  if (error instanceof UsageError) {
    process.stderr.write(`tessera: ${error.message}\n\n${USAGE}`);
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
