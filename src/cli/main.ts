import { ConfigError } from '../config.js';
import { MasterKeyMismatch } from '../domain/account.js';
import { ServiceUnavailable } from '../domain/errors.js';
import { auditCommand } from './audit.js';
import { backupCommand } from './backup.js';
import { exportCommand } from './export.js';
import { parseFlags, type Flags } from './flags.js';
import { runAwsCommand } from './iam/command.js';
import { importCommand } from './import.js';
import { init } from './init.js';
import { migrateCommand } from './migrate.js';
import { rootPassword } from './root-password.js';
import { serve } from './serve.js';
import { totp } from './totp.js';
import { USAGE, UsageError } from './usage.js';

/** A command gets its parsed flags, its positional words, and the raw arguments after its name. */
type Command = (flags: Flags, positionals: string[], args: string[]) => unknown;

const COMMANDS: Record<string, Command> = {
  serve: (flags) => serve(flags),
  init: (flags) => init(flags),
  totp: (flags) => totp(flags),
};

/** Registers a command from another module (iam, migrate, audit...). */
export function registerCommand(name: string, command: Command): void {
  COMMANDS[name] = command;
}

for (const service of ['iam', 'sts'] as const) {
  registerCommand(service, (_flags, _positionals, args) => runAwsCommand(service, args));
}
registerCommand('root-password', (flags) => rootPassword(flags));
registerCommand('migrate', (flags) => migrateCommand(flags));
registerCommand('export', (flags) => exportCommand(flags));
registerCommand('import', (flags) => importCommand(flags));
registerCommand('audit', (flags) => auditCommand(flags));
registerCommand('backup', (flags, positionals) => backupCommand(flags, positionals));

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return;
  }

  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command "${name}"`);
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
