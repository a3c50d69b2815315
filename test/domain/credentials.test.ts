import { beforeEach, describe, expect, it } from 'vitest';

import {
  createAccessKey,
  deleteAccessKey,
  secretAad,
  updateAccessKey,
} from '../../src/domain/access-keys.js';
import { resolveSigningIdentity } from '../../src/domain/credentials.js';
import { createUser } from '../../src/domain/users.js';
import { testDeps, type TestDeps } from '../support/deps.js';

/** Opened secrets are remembered; whether a key may sign is still read on every request. */
describe('resolving an access key', () => {
  let deps: TestDeps;
  let userId: string;

  beforeEach(async () => {
    deps = await testDeps();
    userId = (await createUser(deps, { userName: 'alice', path: '/', tags: [] })).userId;
  });

  it('gives the same secret on every request', async () => {
    const { key, secretAccessKey } = await createAccessKey(deps, userId);
    for (let i = 0; i < 3; i++) {
      const identity = await resolveSigningIdentity(deps, key.accessKeyId, undefined);
      expect(identity.secret).toBe(secretAccessKey);
    }
  });

  it('invariant: a key deactivated or deleted after its secret was opened is refused', async () => {
    const { key } = await createAccessKey(deps, userId);
    const resolve = (): Promise<unknown> =>
      resolveSigningIdentity(deps, key.accessKeyId, undefined);
    await resolve();

    await updateAccessKey(deps, userId, key.accessKeyId, 'Inactive');
    await expect(resolve()).rejects.toMatchObject({ code: 'InvalidClientTokenId' });
    await updateAccessKey(deps, userId, key.accessKeyId, 'Active');
    await expect(resolve()).resolves.toBeDefined();
    await deleteAccessKey(deps, userId, key.accessKeyId);
    await expect(resolve()).rejects.toMatchObject({ code: 'InvalidClientTokenId' });
  });

  it('a key whose sealed secret changes signs with the new secret', async () => {
    const { key } = await createAccessKey(deps, userId);
    await resolveSigningIdentity(deps, key.accessKeyId, undefined);

    const sealed = deps.sealer.seal('a-new-secret', secretAad(key.accessKeyId));
    await deps.store.accessKeys.delete(key.accessKeyId);
    await deps.store.accessKeys.insert({ ...key, secretSealed: sealed });
    const identity = await resolveSigningIdentity(deps, key.accessKeyId, undefined);
    expect(identity.secret).toBe('a-new-secret');
  });
});
