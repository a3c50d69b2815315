import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAccessKey, deleteAccessKey } from '../../src/domain/access-keys.js';
import { AwsError } from '../../src/domain/errors.js';
import { createUser, deleteUser } from '../../src/domain/users.js';
import type { User } from '../../src/domain/types.js';
import { storeBackends } from '../support/backends.js';
import { testDeps, type TestDeps } from '../support/deps.js';

/** Quotas and DeleteUser's checks hold when requests for one user race, on both databases. */
describe.each(storeBackends())('per-user quotas under concurrency on $name', (backend) => {
  let deps: TestDeps;
  let user: User;

  beforeEach(async () => {
    deps = await testDeps(await backend.fresh());
    user = await createUser(deps, { userName: 'Alice', path: '/', tags: [] });
  });

  afterEach(async () => {
    await deps.store.close();
  });

  it('invariant: concurrent CreateAccessKey calls never exceed two keys per user', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => createAccessKey(deps, user.userId)),
    );

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'LimitExceeded' });
    }
    expect(await deps.store.accessKeys.listForUser(user.userId)).toHaveLength(2);
  });

  it('DeleteUser racing CreateAccessKey ends in a clean state and AWS errors, never a fault', async () => {
    const first = await createAccessKey(deps, user.userId);
    await deleteAccessKey(deps, user.userId, first.key.accessKeyId);

    const results = await Promise.allSettled([
      deleteUser(deps, 'Alice'),
      createAccessKey(deps, user.userId),
      createAccessKey(deps, user.userId),
    ]);

    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(AwsError);
    }
    const stillThere = await deps.store.users.findById(user.userId);
    const keys = await deps.store.accessKeys.listForUser(user.userId);
    expect(stillThere !== undefined || keys.length === 0).toBe(true);
  });
});
