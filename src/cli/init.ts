import { boot } from '../bootstrap.js';
import { loadConfig, type Flags } from '../config.js';

/** `tessera init`: create the account without serving, and print the root credentials once. */
export async function init(flags: Flags): Promise<void> {
  const booted = await boot(loadConfig(flags));
  await booted.deps.store.close();

  if (!booted.created) {
    process.stderr.write(
      `The account ${booted.deps.settings.accountId} already exists; its root credentials were ` +
        'written when it was created.\n',
    );
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${JSON.stringify(booted.created, null, 2)}\n`);
}
