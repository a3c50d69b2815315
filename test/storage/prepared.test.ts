import { describe, expect, it } from 'vitest';

import { openStore } from '../../src/storage/index.js';
import { PreparedQuery } from '../../src/storage/repos/prepared.js';
import { storeBackends } from '../support/backends.js';

const NOW = Date.UTC(2026, 0, 1);

describe.each(storeBackends())('PreparedQuery on $name', (backend) => {
  it('runs the compiled query with each call’s own arguments, in any order they appear', async () => {
    const store = await openStore(await backend.fresh());
    try {
      for (const [id, name] of [
        ['AIDA1', 'alice'],
        ['AIDA2', 'bob'],
      ]) {
        await store.users.insert(
          { userId: id!, userName: name!, path: '/', createdAt: NOW, passwordLastUsed: null },
          [],
        );
      }
      const byNameOrId = new PreparedQuery((db, _: undefined, id: string, name: string) =>
        db
          .selectFrom('users')
          .select('user_name')
          .where((eb) => eb.or([eb('user_name_lower', '=', name), eb('user_id', '=', id)]))
          .orderBy('user_name'),
      );

      const run = (id: string, name: string) =>
        byNameOrId.execute(store.db, store.dialect, undefined, id, name);
      expect((await run('AIDA2', 'alice')).map((r) => r.user_name)).toEqual(['alice', 'bob']);
      expect((await run('none', 'bob')).map((r) => r.user_name)).toEqual(['bob']);
      expect(await run('none', 'nobody')).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('refuses a builder that changes its arguments instead of passing them through', async () => {
    const store = await openStore(await backend.fresh());
    try {
      const changed = new PreparedQuery((db, _: undefined, name: string) =>
        db.selectFrom('users').selectAll().where('user_name_lower', '=', name.toLowerCase()),
      );
      await expect(changed.execute(store.db, store.dialect, undefined, 'Alice')).rejects.toThrow(
        /changed its arguments/,
      );
    } finally {
      await store.close();
    }
  });
});
