import { hashPassword } from '../src/core/crypto/index.js';
import type { Deps } from '../src/domain/context.js';
import { createUser } from '../src/domain/users.js';
import { addDevice } from './seed-tessera.js';

export const CONSOLE_PASSWORD = 'Bench-Password-1';

/** A console user with a password and one enabled device whose seed the harness keeps. */
export interface ConsoleUser {
  userName: string;
  seed: Buffer;
}

/**
 * Users who sign in to the console with a password and a code. The password is hashed once and
 * the same hash stored for all: hashing it per user would cost a second of CPU each.
 */
export async function seedConsoleUsers(
  deps: Deps,
  from: number,
  count: number,
): Promise<{ users: ConsoleUser[]; passwordHash: string }> {
  const passwordHash = await hashPassword(CONSOLE_PASSWORD, deps.random);
  const users: ConsoleUser[] = [];
  await deps.store.transaction(async (store) => {
    const inside = { ...deps, store };
    for (let i = from; i < from + count; i++) {
      const userName = `bench-console-${i}`;
      const user = await createUser(inside, { userName, path: '/', tags: [] });
      const createdAt = deps.clock();
      await store.loginProfiles.insert({
        userId: user.userId,
        passwordHash,
        passwordResetRequired: false,
        createdAt,
      });
      const device = await addDevice(inside, `bench-console-device-${i}`, user.userId);
      users.push({ userName, seed: device.seed });
    }
  });
  return { users, passwordHash };
}
