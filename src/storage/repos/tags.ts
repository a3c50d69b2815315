import type { Kysely } from 'kysely';

import type { Tag } from '../../domain/types.js';
import type { Database } from '../schema.js';

type TagTableName = 'user_tags' | 'mfa_device_tags' | 'policy_tags';

/** Tags of one owner: keys unique regardless of case, order kept as they were first written. */
export async function readTags(
  db: Kysely<Database>,
  table: TagTableName,
  owner: string,
): Promise<Tag[]> {
  const rows = await db
    .selectFrom(table)
    .select(['tag_key', 'tag_value'])
    .where('owner', '=', owner)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ key: r.tag_key, value: r.tag_value }));
}

export async function writeTags(
  db: Kysely<Database>,
  table: TagTableName,
  owner: string,
  tags: Tag[],
): Promise<void> {
  const last = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('position').as('max'))
    .where('owner', '=', owner)
    .executeTakeFirst();
  let position = Number(last?.max ?? 0) + 1;

  for (const tag of tags) {
    await db
      .insertInto(table)
      .values({
        owner,
        tag_key: tag.key,
        tag_key_lower: tag.key.toLowerCase(),
        tag_value: tag.value,
        position: position++,
      })
      .onConflict((c) =>
        c
          .columns(['owner', 'tag_key_lower'])
          .doUpdateSet({ tag_key: tag.key, tag_value: tag.value }),
      )
      .execute();
  }
}

export async function deleteTags(
  db: Kysely<Database>,
  table: TagTableName,
  owner: string,
  keys?: string[],
): Promise<void> {
  let query = db.deleteFrom(table).where('owner', '=', owner);
  if (keys) {
    if (keys.length === 0) return;
    query = query.where(
      'tag_key_lower',
      'in',
      keys.map((k) => k.toLowerCase()),
    );
  }
  await query.execute();
}
