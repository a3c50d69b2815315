import type { Kysely } from 'kysely';

import type { Group } from '../../domain/policies/types.js';
import type { User } from '../../domain/types.js';
import type { GroupRepo } from '../policy-store.js';
import type { Database } from '../schema.js';
import type { ListWindow } from '../store.js';
import { pageLimit } from './limit.js';
import { toGroup } from './policy-rows.js';
import { toUser } from './rows.js';

export class GroupRows implements GroupRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(group: Group): Promise<boolean> {
    const result = await this.db
      .insertInto('groups')
      .values({
        group_id: group.groupId,
        group_name: group.groupName,
        group_name_lower: group.groupName.toLowerCase(),
        path: group.path,
        created_at: group.createdAt,
      })
      .onConflict((c) => c.column('group_name_lower').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async findByName(groupName: string): Promise<Group | undefined> {
    const row = await this.db
      .selectFrom('groups')
      .selectAll()
      .where('group_name_lower', '=', groupName.toLowerCase())
      .executeTakeFirst();
    return row && toGroup(row);
  }

  async list(pathPrefix: string, window: ListWindow): Promise<Group[]> {
    let query = this.db.selectFrom('groups').selectAll();
    if (pathPrefix !== '/') {
      query = query.where('path', '>=', pathPrefix).where('path', '<', `${pathPrefix}\u{10ffff}`);
    }
    if (window.after !== undefined) query = query.where('group_name_lower', '>', window.after);

    const rows = await query.orderBy('group_name_lower').limit(pageLimit(window.limit)).execute();
    return rows.map(toGroup);
  }

  async delete(groupId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('groups')
      .where('group_id', '=', groupId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async addMember(groupId: string, userId: string): Promise<void> {
    await this.db
      .insertInto('group_members')
      .values({ group_id: groupId, user_id: userId })
      .onConflict((c) => c.columns(['group_id', 'user_id']).doNothing())
      .execute();
  }

  async removeMember(groupId: string, userId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('group_members')
      .where('group_id', '=', groupId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async members(groupId: string, window: ListWindow): Promise<User[]> {
    let query = this.db
      .selectFrom('users')
      .innerJoin('group_members', 'group_members.user_id', 'users.user_id')
      .selectAll('users')
      .where('group_members.group_id', '=', groupId);
    if (window.after !== undefined) query = query.where('users.user_name_lower', '>', window.after);

    const rows = await query
      .orderBy('users.user_name_lower')
      .limit(pageLimit(window.limit))
      .execute();
    return rows.map(toUser);
  }

  async countMembers(groupId: string): Promise<number> {
    const row = await this.db
      .selectFrom('group_members')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('group_id', '=', groupId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async groupsOf(userId: string, window: ListWindow): Promise<Group[]> {
    let query = this.db
      .selectFrom('groups')
      .innerJoin('group_members', 'group_members.group_id', 'groups.group_id')
      .selectAll('groups')
      .where('group_members.user_id', '=', userId);
    if (window.after !== undefined) {
      query = query.where('groups.group_name_lower', '>', window.after);
    }

    const rows = await query
      .orderBy('groups.group_name_lower')
      .limit(pageLimit(window.limit))
      .execute();
    return rows.map(toGroup);
  }

  async countGroupsOf(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('group_members')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
