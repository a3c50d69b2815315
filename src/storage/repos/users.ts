import type { Kysely } from 'kysely';

import type { Tag, User } from '../../domain/types.js';
import type { Database } from '../schema.js';
import type { ListWindow, UserDependents, UserRepo } from '../store.js';
import { GroupRows } from './groups.js';
import { HolderPolicyRows } from './holder-policies.js';
import { pageLimit } from './limit.js';
import { PreparedQuery, type Dialect } from './prepared.js';
import { toUser } from './rows.js';
import { deleteTags, readTags, writeTags } from './tags.js';

const USER_BY_NAME = new PreparedQuery((db, _: undefined, nameLower: string) =>
  db.selectFrom('users').selectAll().where('user_name_lower', '=', nameLower),
);

const USER_BY_ID = new PreparedQuery((db, _: undefined, userId: string) =>
  db.selectFrom('users').selectAll().where('user_id', '=', userId),
);

export class UserRows implements UserRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  async lock(userId: string): Promise<void> {
    // SQLite runs one write transaction at a time, so only PostgreSQL needs the row lock.
    if (this.dialect !== 'postgres') return;
    await this.db
      .selectFrom('users')
      .select('user_id')
      .where('user_id', '=', userId)
      .forUpdate()
      .execute();
  }

  async insert(user: User, tags: Tag[]): Promise<boolean> {
    const result = await this.db
      .insertInto('users')
      .values({
        user_id: user.userId,
        user_name: user.userName,
        user_name_lower: user.userName.toLowerCase(),
        path: user.path,
        created_at: user.createdAt,
        password_last_used: null,
      })
      .onConflict((c) => c.column('user_name_lower').doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;

    await writeTags(this.db, 'user_tags', user.userId, tags);
    return true;
  }

  async findByName(userName: string): Promise<User | undefined> {
    const nameLower = userName.toLowerCase();
    const row = await USER_BY_NAME.first(this.db, this.dialect, undefined, nameLower);
    return row && toUser(row);
  }

  async findById(userId: string): Promise<User | undefined> {
    const row = await USER_BY_ID.first(this.db, this.dialect, undefined, userId);
    return row && toUser(row);
  }

  async list(pathPrefix: string, window: ListWindow): Promise<User[]> {
    let query = this.db.selectFrom('users').selectAll();
    if (pathPrefix !== '/') {
      query = query.where('path', '>=', pathPrefix).where('path', '<', `${pathPrefix}\u{10ffff}`);
    }
    if (window.after !== undefined) query = query.where('user_name_lower', '>', window.after);

    const rows = await query.orderBy('user_name_lower').limit(pageLimit(window.limit)).execute();
    return rows.map(toUser);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  tags(userId: string): Promise<Tag[]> {
    return readTags(this.db, 'user_tags', userId);
  }

  async dependents(userId: string): Promise<UserDependents> {
    const [profile, keys, devices] = await Promise.all([
      this.db
        .selectFrom('login_profiles')
        .select('user_id')
        .where('user_id', '=', userId)
        .execute(),
      this.db
        .selectFrom('access_keys')
        .select('access_key_id')
        .where('user_id', '=', userId)
        .execute(),
      this.db
        .selectFrom('mfa_devices')
        .select('serial_number')
        .where('user_id', '=', userId)
        .execute(),
    ]);
    const holder = { kind: 'user', id: userId } as const;
    const holds = new HolderPolicyRows(this.db);
    return {
      loginProfile: profile.length > 0,
      accessKeys: keys.length,
      mfaDevices: devices.length,
      inlinePolicies: await holds.countInline(holder),
      attachedPolicies: await holds.countAttached(holder),
      groups: await new GroupRows(this.db).countGroupsOf(userId),
    };
  }

  async delete(userId: string): Promise<boolean> {
    await deleteTags(this.db, 'user_tags', userId);
    await this.db.deleteFrom('sts_sessions').where('user_id', '=', userId).execute();
    const result = await this.db
      .deleteFrom('users')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async update(userId: string, change: { userName?: string; path?: string }): Promise<boolean> {
    const values: Partial<Record<'user_name' | 'user_name_lower' | 'path', string>> = {};
    if (change.userName !== undefined) {
      values.user_name = change.userName;
      values.user_name_lower = change.userName.toLowerCase();
    }
    if (change.path !== undefined) values.path = change.path;
    if (Object.keys(values).length === 0) return true;

    const result = await this.db
      .updateTable('users')
      .set(values)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async touchPasswordUsed(userId: string, at: number): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_last_used: at })
      .where('user_id', '=', userId)
      .execute();
  }
}
