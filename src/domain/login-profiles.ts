import { hashPassword } from '../core/crypto/index.js';
import type { Deps } from './context.js';
import { EntityAlreadyExists, NoSuchEntity, PasswordPolicyViolation } from './errors.js';
import { checkPassword } from './password-policy.js';
import type { LoginProfile, User } from './types.js';
import { requireUser } from './users.js';

function noProfile(userName: string): NoSuchEntity {
  return new NoSuchEntity(`Login Profile for User ${userName} cannot be found.`);
}

/**
 * The slow half of setting a password (scrypt), done before any database work so that no
 * transaction waits on it. A password the policy refuses is not hashed: the function that stores
 * it refuses it, in its usual order after the user is looked up.
 */
export async function hashNewPassword(
  deps: Deps,
  password: string,
  userName: string,
): Promise<string | undefined> {
  try {
    checkPassword(password, userName);
  } catch (error) {
    if (error instanceof PasswordPolicyViolation) return undefined;
    throw error;
  }
  return hashPassword(password, deps.random);
}

export interface NewPassword {
  password: string;
  /** The password's hash from hashNewPassword, when it was made ahead. */
  passwordHash?: string;
}

export async function createLoginProfile(
  deps: Deps,
  input: NewPassword & { userName: string; passwordResetRequired: boolean },
): Promise<{ user: User; profile: LoginProfile }> {
  const early = input.passwordHash ?? (await hashNewPassword(deps, input.password, input.userName));

  const user = await requireUser(deps, input.userName);
  checkPassword(input.password, user.userName);

  const profile: LoginProfile = {
    userId: user.userId,
    passwordHash: early ?? (await hashPassword(input.password, deps.random)),
    passwordResetRequired: input.passwordResetRequired,
    createdAt: deps.clock(),
  };
  if (!(await deps.store.loginProfiles.insert(profile))) {
    throw new EntityAlreadyExists(`Login Profile for user ${user.userName} already exists.`);
  }
  return { user, profile };
}

export async function getLoginProfile(
  deps: Deps,
  userName: string,
): Promise<{ user: User; profile: LoginProfile }> {
  const user = await requireUser(deps, userName);
  const profile = await deps.store.loginProfiles.find(user.userId);
  if (!profile) throw noProfile(user.userName);
  return { user, profile };
}

export async function updateLoginProfile(
  deps: Deps,
  input: Partial<NewPassword> & { userName: string; passwordResetRequired?: boolean },
): Promise<void> {
  const { password } = input;
  const early =
    input.passwordHash ??
    (password === undefined ? undefined : await hashNewPassword(deps, password, input.userName));

  const { user } = await getLoginProfile(deps, input.userName);
  if (password !== undefined) checkPassword(password, user.userName);

  const passwordHash =
    password === undefined ? undefined : (early ?? (await hashPassword(password, deps.random)));
  const updated = await deps.store.loginProfiles.update(user.userId, {
    passwordHash,
    resetRequired: input.passwordResetRequired,
  });
  if (!updated) throw noProfile(user.userName);
}

export async function deleteLoginProfile(deps: Deps, userName: string): Promise<void> {
  const user = await requireUser(deps, userName);
  if (!(await deps.store.loginProfiles.delete(user.userId))) throw noProfile(user.userName);
}
