import { sql, type Kysely } from 'kysely';

import type { Dialect } from './dialect.js';

/**
 * The audit trail: one row per CloudTrail-shaped event, kept as JSON text, with the few columns
 * `tessera audit` filters on. `seq` orders events written in the same millisecond.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const bigint = sql.raw(dialect === 'postgres' ? 'bigint' : 'integer');

  await db.schema
    .createTable('audit_events')
    .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('event_id', 'text', (c) => c.notNull().unique())
    .addColumn('event_time', bigint, (c) => c.notNull())
    .addColumn('event_source', 'text', (c) => c.notNull())
    .addColumn('event_name', 'text', (c) => c.notNull())
    .addColumn('user_key', 'text')
    .addColumn('failed', 'integer', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();

  for (const column of ['event_time', 'event_name', 'user_key']) {
    await db.schema
      .createIndex(`audit_events_${column}`)
      .on('audit_events')
      .column(column)
      .execute();
  }
}
