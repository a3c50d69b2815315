import { dummyVerify, verifyPassword } from '../core/crypto/index.js';
import type { Deps } from './context.js';
import type { User } from './types.js';

export type PasswordCheck =
  | { ok: true; user: User | null; passwordHash: string }
  | { ok: false; reason: 'wrong-account' | 'unknown-user' | 'no-password' | 'wrong-password' };

/**
 * Checks a console password. Every failure costs one full scrypt run, so the time an answer takes
 * tells nothing about whether the account, the user or a password exists.
 */
export async function checkUserPassword(
  deps: Deps,
  input: { accountId: string; userName: string; password: string },
): Promise<PasswordCheck> {
  const user =
    input.accountId === deps.settings.accountId
      ? await deps.store.users.findByName(input.userName)
      : undefined;
  const profile = user && (await deps.store.loginProfiles.find(user.userId));

  if (!profile) {
    await dummyVerify(input.password);
    const reason = input.accountId !== deps.settings.accountId ? 'wrong-account' : 'unknown-user';
    return { ok: false, reason: user ? 'no-password' : reason };
  }

  if (!(await verifyPassword(input.password, profile.passwordHash))) {
    return { ok: false, reason: 'wrong-password' };
  }
  return { ok: true, user: user!, passwordHash: profile.passwordHash };
}

/** The root user signs in with the account id and the password set by `tessera root-password`. */
export async function checkRootPassword(
  deps: Deps,
  input: { accountId: string; password: string },
): Promise<PasswordCheck> {
  const hash =
    input.accountId === deps.settings.accountId
      ? await deps.store.account.rootPasswordHash()
      : null;

  if (hash === null) {
    await dummyVerify(input.password);
    return {
      ok: false,
      reason: input.accountId === deps.settings.accountId ? 'no-password' : 'wrong-account',
    };
  }

  if (!(await verifyPassword(input.password, hash))) return { ok: false, reason: 'wrong-password' };
  return { ok: true, user: null, passwordHash: hash };
}
