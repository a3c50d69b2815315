import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { AccessKey, StsSession } from '../../src/domain/types.js';
import { openStore } from '../../src/storage/index.js';
import type { KyselyStore } from '../../src/storage/kysely-store.js';
import { storeBackends } from '../support/backends.js';

const USER = {
  userId: 'id-alice',
  userName: 'alice',
  path: '/',
  createdAt: 1,
  passwordLastUsed: null,
};

function key(accessKeyId: string, userId: string | null = USER.userId): AccessKey {
  return { accessKeyId, userId, secretSealed: 'sealed', status: 'Active', createdAt: 1000 };
}

function session(accessKeyId: string, sourceAccessKeyId: string, expiresAt: number): StsSession {
  return {
    accessKeyId,
    secretSealed: 'sealed',
    tokenHash: 'hash',
    userId: USER.userId,
    sourceAccessKeyId,
    mfaAuthenticated: true,
    mfaAuthenticatedAt: 1000,
    expiresAt,
    createdAt: 1000,
  };
}

describe.each(storeBackends())('credential rows on $name', (backend) => {
  let store: KyselyStore;

  beforeEach(async () => {
    store = await openStore(await backend.fresh());
    await store.users.insert(USER, []);
  });

  afterEach(async () => {
    await store.close();
  });

  it('a user has at most one login profile, which updates in place', async () => {
    const profile = {
      userId: USER.userId,
      passwordHash: 'h1',
      passwordResetRequired: true,
      createdAt: 1000,
    };
    expect(await store.loginProfiles.insert(profile)).toBe(true);
    expect(await store.loginProfiles.insert({ ...profile, passwordHash: 'h2' })).toBe(false);

    expect(await store.loginProfiles.update(USER.userId, { passwordHash: 'h3' })).toBe(true);
    expect(await store.loginProfiles.find(USER.userId)).toEqual({ ...profile, passwordHash: 'h3' });
    expect(await store.loginProfiles.delete(USER.userId)).toBe(true);
    expect(await store.loginProfiles.find(USER.userId)).toBeUndefined();
  });

  it('access keys list per owner, the root key apart, and change status', async () => {
    await store.accessKeys.insert(key('AKIA2'));
    await store.accessKeys.insert(key('AKIA1'));
    await store.accessKeys.insert(key('AKIAROOT', null));

    expect((await store.accessKeys.listForUser(USER.userId)).map((k) => k.accessKeyId)).toEqual([
      'AKIA1',
      'AKIA2',
    ]);
    expect((await store.accessKeys.listForUser(null)).map((k) => k.accessKeyId)).toEqual([
      'AKIAROOT',
    ]);
    expect(await store.accessKeys.setStatus('AKIA1', 'Inactive')).toBe(true);
    expect(await store.accessKeys.find('AKIA1')).toMatchObject({ status: 'Inactive' });
  });

  it('deleting an access key ends the sessions made with it', async () => {
    await store.accessKeys.insert(key('AKIA1'));
    await store.sessions.insert(session('ASIA1', 'AKIA1', 5000));
    expect(await store.sessions.find('ASIA1')).toEqual(session('ASIA1', 'AKIA1', 5000));

    expect(await store.accessKeys.delete('AKIA1')).toBe(true);
    expect(await store.sessions.find('ASIA1')).toBeUndefined();
  });

  it('expired sessions are removed, live ones kept', async () => {
    await store.accessKeys.insert(key('AKIA1'));
    await store.sessions.insert(session('ASIA1', 'AKIA1', 5000));
    await store.sessions.insert(session('ASIA2', 'AKIA1', 9000));

    expect(await store.sessions.deleteExpired(5000)).toBe(1);
    expect(await store.sessions.find('ASIA2')).toBeDefined();
  });
});
