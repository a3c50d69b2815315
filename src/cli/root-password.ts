import { existsSync } from 'node:fs';

import { boot } from '../bootstrap.js';
import { ConfigError, loadConfig } from '../config.js';
import { setRootPassword } from '../domain/root-password.js';
import { isPostgresUrl, sqliteFile } from '../storage/index.js';
import type { Flags } from './flags.js';
import { UsageError } from './usage.js';

/**
 * `tessera root-password --data DIR`: sets the password the root user signs in to the console
 * with. It is read from TESSERA_ROOT_PASSWORD, or from standard input (typed unechoed on a
 * terminal, twice), never from a flag, where it would sit in the shell history and `ps`.
 */
export async function rootPassword(flags: Flags): Promise<void> {
  const password = process.env.TESSERA_ROOT_PASSWORD || (await readPassword());
  if (!password) throw new UsageError('no root password given on standard input');

  const config = loadConfig(flags);
  // A mistyped --data must not quietly make a new account and set its password instead.
  if (!isPostgresUrl(config.database) && !existsSync(sqliteFile(config.database))) {
    throw new ConfigError(
      `there is no database at ${config.database}; create the account first ` +
        '(tessera init or tessera serve with the same --data)',
    );
  }

  const booted = await boot(config);
  // A password the policy refuses is reported as one line by the CLI's error handler.
  await setRootPassword(booted.deps, password).finally(() => booted.deps.store.close());

  const { accountId } = booted.deps.settings;
  process.stderr.write(
    `Root password set for account ${accountId}; existing root console sessions were ended.\n` +
      'Sign in at /console/signin/root with the account ID and this password.\n',
  );
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return stripNewline(await readAll());

  const first = await promptHidden('Root password: ');
  const again = await promptHidden('Root password again: ');
  if (first !== again) throw new UsageError('the two passwords differ');
  return first;
}

async function readAll(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

function stripNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/** Reads one line from the terminal without echoing it. */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();

  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || char === '\u0004') return finish(new UsageError('cancelled'));
        value = char === '\u007f' ? value.slice(0, -1) : value + char;
      }
    };
    stdin.on('data', onData);
  });
}
