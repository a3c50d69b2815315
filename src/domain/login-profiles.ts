import { hashPassword } from '../core/crypto/index.js';
import type { Deps } from './context.js';
import { EntityAlreadyExists, NoSuchEntity } from './errors.js';
import { checkPassword } from './password-policy.js';
import type { LoginProfile, User } from './types.js';
import { requireUser } from './users.js';

function noProfile(userName: string): NoSuchEntity {
  return new NoSuchEntity(`Login Profile for User ${userName} cannot be found.`);
}

export async function createLoginProfile(
  deps: Deps,
  input: { userName: string; password: string; passwordResetRequired: boolean },
): Promise<{ user: User; profile: LoginProfile }> {
  const user = await requireUser(deps, input.userName);
  checkPassword(input.password, user.userName);

  const profile: LoginProfile = {
    userId: user.userId,
    passwordHash: await hashPassword(input.password, deps.random),
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
  input: { userName: string; password?: string; passwordResetRequired?: boolean },
): Promise<void> {
  const { user } = await getLoginProfile(deps, input.userName);
  if (input.password !== undefined) checkPassword(input.password, user.userName);

  const passwordHash =
    input.password === undefined ? undefined : await hashPassword(input.password, deps.random);
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
