import type { Kysely } from 'kysely';

import type { Account } from '../../domain/types.js';
import type { Database } from '../schema.js';
import type { AccountRepo } from '../store.js';

export class AccountRows implements AccountRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async get(): Promise<Account | undefined> {
    const row = await this.db.selectFrom('account').selectAll().executeTakeFirst();
    return (
      row && {
        accountId: row.account_id,
        createdAt: Number(row.created_at),
        keyCheck: row.key_check,
      }
    );
  }

  async create(account: Account): Promise<Account> {
    const existing = await this.get();
    if (existing) return existing;

    await this.db
      .insertInto('account')
      .values({
        id: 1,
        account_id: account.accountId,
        created_at: account.createdAt,
        key_check: account.keyCheck,
      })
      .onConflict((c) => c.column('id').doNothing())
      .execute();
    return (await this.get())!;
  }

  async rootPasswordHash(): Promise<string | null> {
    const row = await this.db.selectFrom('account').select('root_password_hash').executeTakeFirst();
    return row?.root_password_hash ?? null;
  }

  async setRootPasswordHash(hash: string): Promise<boolean> {
    const result = await this.db
      .updateTable('account')
      .set({ root_password_hash: hash })
      .where('id', '=', 1)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
