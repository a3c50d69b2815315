import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { attachPolicy, detachPolicy } from '../../../src/domain/policies/attachments.js';
import {
  addUserToGroup,
  createGroup,
  deleteGroup,
  getGroup,
  listGroups,
  listGroupsForUser,
  removeUserFromGroup,
} from '../../../src/domain/policies/groups.js';
import { deleteInlinePolicy, putInlinePolicy } from '../../../src/domain/policies/inline.js';
import { createUser, deleteUser } from '../../../src/domain/users.js';
import { testDeps, type TestDeps } from '../../support/deps.js';

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

describe('groups', () => {
  let deps: TestDeps;
  const join = (groupName: string, userName = 'alice') =>
    addUserToGroup(deps, { groupName, userName });

  beforeEach(async () => {
    deps = await testDeps();
    await createUser(deps, { userName: 'alice', path: '/', tags: [] });
    await createUser(deps, { userName: 'bob', path: '/', tags: [] });
  });

  afterEach(async () => {
    await deps.store.close();
  });

  it('CreateGroup gives an AGPA id; names are unique regardless of case', async () => {
    const group = await createGroup(deps, { groupName: 'Admins', path: '/ops/' });
    expect(group.groupId).toMatch(/^AGPA[A-Z2-7]{16}$/);
    await expect(createGroup(deps, { groupName: 'ADMINS', path: '/' })).rejects.toMatchObject({
      code: 'EntityAlreadyExists',
      message: 'Group with name ADMINS already exists.',
    });
    const listed = await listGroups(deps, { pathPrefix: '/ops/', maxItems: 10 });
    expect(listed.items.map((g) => g.groupName)).toEqual(['Admins']);
  });

  it('membership: idempotent add, GetGroup and ListGroupsForUser page by name', async () => {
    await createGroup(deps, { groupName: 'Admins', path: '/' });
    await createGroup(deps, { groupName: 'Ops', path: '/' });
    await join('Admins');
    await join('Admins');
    await join('Admins', 'bob');
    await join('Ops');

    const first = await getGroup(deps, 'admins', { maxItems: 1 });
    expect(first.group.groupName).toBe('Admins');
    expect(first.users.items.map((u) => u.userName)).toEqual(['alice']);
    const rest = await getGroup(deps, 'Admins', { maxItems: 5, marker: first.users.marker });
    expect(rest.users.items.map((u) => u.userName)).toEqual(['bob']);

    const groups = await listGroupsForUser(deps, 'alice', { maxItems: 10 });
    expect(groups.items.map((g) => g.groupName)).toEqual(['Admins', 'Ops']);
  });

  it('RemoveUserFromGroup of a non-member, or an unknown group: NoSuchEntity', async () => {
    await createGroup(deps, { groupName: 'Admins', path: '/' });
    await expect(
      removeUserFromGroup(deps, { groupName: 'Admins', userName: 'alice' }),
    ).rejects.toMatchObject({ code: 'NoSuchEntity' });
    await expect(join('Nope')).rejects.toMatchObject({
      code: 'NoSuchEntity',
      message: 'The group with name Nope cannot be found.',
    });
  });

  it('a user can be in at most 10 groups', async () => {
    for (let n = 0; n < 11; n++) await createGroup(deps, { groupName: `G${n}`, path: '/' });
    for (let n = 0; n < 10; n++) await join(`G${n}`);
    await join('G0');
    await expect(join('G10')).rejects.toMatchObject({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for GroupsPerUser: 10',
    });
  });

  it('DeleteGroup refuses while it has members or policies', async () => {
    await createGroup(deps, { groupName: 'Admins', path: '/' });
    const admins = { kind: 'group', name: 'Admins' } as const;
    await join('Admins');
    await putInlinePolicy(deps, admins, {
      policyName: 'P',
      document:
        '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}',
    });
    await attachPolicy(deps, admins, ADMIN);

    const refusals = [
      'Cannot delete entity, must remove users from group first.',
      'Cannot delete entity, must delete policies first.',
      'Cannot delete entity, must detach all policies first.',
    ];
    const clearings = [
      () => removeUserFromGroup(deps, { groupName: 'Admins', userName: 'alice' }),
      () => deleteInlinePolicy(deps, admins, 'P'),
      () => detachPolicy(deps, admins, ADMIN),
    ];
    for (const [n, message] of refusals.entries()) {
      await expect(deleteGroup(deps, 'Admins')).rejects.toMatchObject({
        code: 'DeleteConflict',
        message,
      });
      await clearings[n]!();
    }

    await deleteGroup(deps, 'Admins');
    await expect(getGroup(deps, 'Admins', { maxItems: 1 })).rejects.toMatchObject({
      code: 'NoSuchEntity',
    });
  });

  it('DeleteUser refuses while the user is in a group', async () => {
    await createGroup(deps, { groupName: 'Admins', path: '/' });
    await join('Admins', 'bob');
    await expect(deleteUser(deps, 'bob')).rejects.toMatchObject({
      code: 'DeleteConflict',
      message: 'Cannot delete entity, must remove users from group first.',
    });
  });
});
