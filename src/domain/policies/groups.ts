import { newId } from '../../core/crypto/index.js';
import type { Deps } from '../context.js';
import { DeleteConflict, EntityAlreadyExists, LimitExceeded, NoSuchEntity } from '../errors.js';
import { pageOf } from '../paging.js';
import type { Page, User } from '../types.js';
import { requireUser } from '../users.js';
import { GROUPS_PER_USER_MAX } from './limits.js';
import type { Group, PageRequest } from './types.js';

export function noSuchGroup(groupName: string): NoSuchEntity {
  return new NoSuchEntity(`The group with name ${groupName} cannot be found.`);
}

export async function requireGroup(deps: Pick<Deps, 'store'>, groupName: string): Promise<Group> {
  const group = await deps.store.groups.findByName(groupName);
  if (!group) throw noSuchGroup(groupName);
  return group;
}

export async function createGroup(
  deps: Deps,
  input: { groupName: string; path: string },
): Promise<Group> {
  const group: Group = {
    groupId: newId(deps.random, 'AGPA'),
    groupName: input.groupName,
    path: input.path,
    createdAt: deps.clock(),
  };

  if (!(await deps.store.groups.insert(group))) {
    throw new EntityAlreadyExists(`Group with name ${input.groupName} already exists.`);
  }
  return group;
}

/** A group and one page of its members. */
export async function getGroup(
  deps: Deps,
  groupName: string,
  page: PageRequest,
): Promise<{ group: Group; users: Page<User> }> {
  const group = await requireGroup(deps, groupName);
  const users = await pageOf(
    page.maxItems,
    page.marker,
    (after, limit) => deps.store.groups.members(group.groupId, { after, limit }),
    (user) => user.userName.toLowerCase(),
  );
  return { group, users };
}

export function listGroups(
  deps: Deps,
  input: PageRequest & { pathPrefix: string },
): Promise<Page<Group>> {
  return pageOf(
    input.maxItems,
    input.marker,
    (after, limit) => deps.store.groups.list(input.pathPrefix, { after, limit }),
    (group) => group.groupName.toLowerCase(),
  );
}

export async function listGroupsForUser(
  deps: Deps,
  userName: string,
  page: PageRequest,
): Promise<Page<Group>> {
  const user = await requireUser(deps, userName);
  return pageOf(
    page.maxItems,
    page.marker,
    (after, limit) => deps.store.groups.groupsOf(user.userId, { after, limit }),
    (group) => group.groupName.toLowerCase(),
  );
}

/** Like DeleteUser, IAM refuses to delete a group that still has members or policies. */
export async function deleteGroup(deps: Deps, groupName: string): Promise<void> {
  await deps.store.transaction(async (store) => {
    const group = await requireGroup({ store }, groupName);
    const holder = { kind: 'group', id: group.groupId } as const;

    if ((await store.groups.countMembers(group.groupId)) > 0) {
      throw new DeleteConflict('Cannot delete entity, must remove users from group first.');
    }
    if ((await store.holderPolicies.countInline(holder)) > 0) {
      throw new DeleteConflict('Cannot delete entity, must delete policies first.');
    }
    if ((await store.holderPolicies.countAttached(holder)) > 0) {
      throw new DeleteConflict('Cannot delete entity, must detach all policies first.');
    }

    await store.groups.delete(group.groupId);
  });
}

/** Adding a user who is already a member succeeds and changes nothing, as in IAM. */
export async function addUserToGroup(
  deps: Deps,
  input: { groupName: string; userName: string },
): Promise<void> {
  await deps.store.transaction(async (store) => {
    const group = await requireGroup({ store }, input.groupName);
    const user = await requireUser({ ...deps, store }, input.userName);
    await store.users.lock(user.userId);

    const groups = await store.groups.groupsOf(user.userId, { limit: GROUPS_PER_USER_MAX + 1 });
    const member = groups.some((g) => g.groupId === group.groupId);
    if (!member && groups.length >= GROUPS_PER_USER_MAX) {
      throw new LimitExceeded(`Cannot exceed quota for GroupsPerUser: ${GROUPS_PER_USER_MAX}`);
    }

    await store.groups.addMember(group.groupId, user.userId);
  });
}

export async function removeUserFromGroup(
  deps: Deps,
  input: { groupName: string; userName: string },
): Promise<void> {
  await deps.store.transaction(async (store) => {
    const group = await requireGroup({ store }, input.groupName);
    const user = await requireUser({ ...deps, store }, input.userName);

    if (!(await store.groups.removeMember(group.groupId, user.userId))) {
      throw new NoSuchEntity(
        `The user with name ${user.userName} is not a member of group ${group.groupName}.`,
      );
    }
  });
}
