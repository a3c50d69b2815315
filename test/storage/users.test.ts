import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { User } from '../../src/domain/types.js';
import { openStore } from '../../src/storage/index.js';
import type { KyselyStore } from '../../src/storage/kysely-store.js';
import { storeBackends } from '../support/backends.js';

function user(userName: string, path = '/'): User {
  return { userId: `id-${userName}`, userName, path, createdAt: 1000, passwordLastUsed: null };
}

describe.each(storeBackends())('user rows on $name', (backend) => {
  let store: KyselyStore;

  beforeEach(async () => {
    store = await openStore(await backend.fresh());
  });

  afterEach(async () => {
    await store.close();
  });

  it('names are unique regardless of case, and found in any case', async () => {
    expect(await store.users.insert(user('Alice'), [])).toBe(true);
    expect(await store.users.insert({ ...user('ALICE'), userId: 'other' }, [])).toBe(false);
    expect(await store.users.findByName('aLiCe')).toEqual(user('Alice'));
    expect(await store.users.findById('id-Alice')).toEqual(user('Alice'));
  });

  it('invariant: of concurrent creations of one name, exactly one succeeds', async () => {
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.users.insert({ ...user('bob'), userId: `b${i}` }, []),
      ),
    );
    expect(created.filter(Boolean)).toHaveLength(1);
    expect(await store.users.count()).toBe(1);
  });

  it('lists by lower-cased name under a path prefix, a page at a time', async () => {
    for (const name of ['carol', 'Bob', 'alice']) await store.users.insert(user(name, '/eng/'), []);
    await store.users.insert(user('dave', '/ops/'), []);

    const first = await store.users.list('/eng/', { limit: 2 });
    expect(first.map((u) => u.userName)).toEqual(['alice', 'Bob']);
    const next = await store.users.list('/eng/', { after: 'bob', limit: 2 });
    expect(next.map((u) => u.userName)).toEqual(['carol']);
    expect(await store.users.count()).toBe(4);
  });

  it('keeps tags in the order first written, keys unique regardless of case', async () => {
    await store.users.insert(user('alice'), [
      { key: 'b', value: '1' },
      { key: 'a', value: '2' },
    ]);
    expect(await store.users.tags('id-alice')).toEqual([
      { key: 'b', value: '1' },
      { key: 'a', value: '2' },
    ]);
  });

  it('update renames and moves; delete takes the tags along', async () => {
    await store.users.insert(user('alice'), [{ key: 'k', value: 'v' }]);
    expect(await store.users.update('id-alice', { userName: 'Alicia', path: '/x/' })).toBe(true);
    expect(await store.users.findByName('alicia')).toMatchObject({
      userName: 'Alicia',
      path: '/x/',
    });

    expect(await store.users.delete('id-alice')).toBe(true);
    expect(await store.users.findById('id-alice')).toBeUndefined();
    expect(await store.users.tags('id-alice')).toEqual([]);
    expect(await store.users.delete('id-alice')).toBe(false);
  });

  it('counts what a user still owns', async () => {
    await store.users.insert(user('alice'), []);
    await store.loginProfiles.insert({
      userId: 'id-alice',
      passwordHash: 'hash',
      passwordResetRequired: false,
      createdAt: 1000,
    });
    await store.accessKeys.insert({
      accessKeyId: 'AKIA1',
      userId: 'id-alice',
      secretSealed: 's',
      status: 'Active',
      createdAt: 1000,
    });
    expect(await store.users.dependents('id-alice')).toMatchObject({
      loginProfile: true,
      accessKeys: 1,
      mfaDevices: 0,
    });
  });
});
