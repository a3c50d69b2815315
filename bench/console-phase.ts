import type { Deps } from '../src/domain/context.js';
import { measureConsole, type ConsoleMeasurement } from './console-load.js';
import { signIn } from './console-signin.js';
import type { Options } from './options.js';
import { seedConsoleUsers } from './seed-console.js';
import type { TesseraUnderTest } from './tessera.js';

export interface ConsoleResult {
  runs: ConsoleMeasurement[];
  /** Why nothing was measured, when the console is not there. */
  skipped?: string;
}

/** Console sign-ins, repeated like the other loads; Tessera only (moto has no console). */
export async function consolePhase(
  tessera: TesseraUnderTest,
  deps: Deps,
  options: Options,
): Promise<ConsoleResult> {
  const perRep = options.quick ? 40 : 150;
  const warmup = 2;
  const seeded = await seedConsoleUsers(deps, 0, perRep * options.repeat);
  const server = await tessera.start('console-signin');

  try {
    const probe = await fetch(`${server.url}/console/signin`, { redirect: 'manual' });
    if (probe.status !== 200) return { runs: [], skipped: `the console answered ${probe.status}` };

    const runs: ConsoleMeasurement[] = [];
    const { accountId } = deps.settings;
    for (let rep = 0; rep < options.repeat; rep++) {
      const users = seeded.users.slice(rep * perRep, (rep + 1) * perRep);
      for (const user of users.slice(0, warmup)) await signIn(server.url, accountId, user);
      const measured = users.slice(warmup);
      runs.push(
        await measureConsole(server, accountId, measured, seeded.passwordHash, options.seconds),
      );
    }
    return { runs };
  } finally {
    await server.stop();
  }
}
