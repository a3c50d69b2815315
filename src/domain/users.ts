import { newId } from '../core/crypto/index.js';
import type { Deps } from './context.js';
import { DeleteConflict, EntityAlreadyExists, NoSuchEntity } from './errors.js';
import { pageOf } from './paging.js';
import type { Page, Tag, User } from './types.js';

export function noSuchUser(userName: string): NoSuchEntity {
  return new NoSuchEntity(`The user with name ${userName} cannot be found.`);
}

export async function requireUser(deps: Deps, userName: string): Promise<User> {
  const user = await deps.store.users.findByName(userName);
  if (!user) throw noSuchUser(userName);
  return user;
}

export async function createUser(
  deps: Deps,
  input: { userName: string; path: string; tags: Tag[] },
): Promise<User> {
  const user: User = {
    userId: newId(deps.random, 'AIDA'),
    userName: input.userName,
    path: input.path,
    createdAt: deps.clock(),
    passwordLastUsed: null,
  };

  const inserted = await deps.store.transaction((store) => store.users.insert(user, input.tags));
  if (!inserted) throw new EntityAlreadyExists(`User with name ${input.userName} already exists.`);
  return user;
}

export function listUsers(
  deps: Deps,
  input: { pathPrefix: string; marker?: string; maxItems: number },
): Promise<Page<User>> {
  return pageOf(
    input.maxItems,
    input.marker,
    (after, limit) => deps.store.users.list(input.pathPrefix, { after, limit }),
    (user) => user.userName.toLowerCase(),
  );
}

export async function updateUser(
  deps: Deps,
  input: { userName: string; newUserName?: string; newPath?: string },
): Promise<void> {
  await deps.store.transaction(async (store) => {
    const user = await store.users.findByName(input.userName);
    if (!user) throw noSuchUser(input.userName);

    const newName = input.newUserName;
    if (newName !== undefined && newName.toLowerCase() !== user.userName.toLowerCase()) {
      if (await store.users.findByName(newName)) {
        throw new EntityAlreadyExists(`User with name ${newName} already exists.`);
      }
    }
    await store.users.update(user.userId, { userName: newName, path: input.newPath });
  });
}

/** AWS refuses to delete a user that still owns anything, and says what to remove first. */
export async function deleteUser(deps: Deps, userName: string): Promise<void> {
  await deps.store.transaction(async (store) => {
    const user = await store.users.findByName(userName);
    if (!user) throw noSuchUser(userName);
    await store.users.lock(user.userId);

    const owned = await store.users.dependents(user.userId);
    if (owned.loginProfile) {
      throw new DeleteConflict('Cannot delete entity, must delete login profile first.');
    }
    if (owned.accessKeys > 0) {
      throw new DeleteConflict('Cannot delete entity, must delete access keys first.');
    }
    if (owned.mfaDevices > 0) {
      throw new DeleteConflict('Cannot delete entity, must delete MFA device first.');
    }
    if (owned.inlinePolicies > 0) {
      throw new DeleteConflict('Cannot delete entity, must delete policies first.');
    }
    if (owned.attachedPolicies > 0) {
      throw new DeleteConflict('Cannot delete entity, must detach all policies first.');
    }
    if (owned.groups > 0) {
      throw new DeleteConflict('Cannot delete entity, must remove users from group first.');
    }

    await store.users.delete(user.userId);
  });
}
