import { sql, type Kysely } from 'kysely';

import type { Dialect } from './dialect.js';

/**
 * Drops the unique index on audit_events.event_id. Event ids are random UUIDs (122 random bits),
 * nothing looks events up by id, and inserting into an index of random keys cost more than the
 * rest of writing an event. SQLite cannot drop a column constraint, so there the table is rebuilt
 * with the same columns and rows; PostgreSQL drops the constraint in place.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`alter table audit_events drop constraint if exists audit_events_event_id_key`.execute(
      db,
    );
    return;
  }

  await sql`create table audit_events_rebuilt (
    seq integer primary key autoincrement,
    event_id text not null,
    event_time integer not null,
    event_source text not null,
    event_name text not null,
    user_key text,
    failed integer not null,
    record text not null
  )`.execute(db);
  await sql`insert into audit_events_rebuilt
    (seq, event_id, event_time, event_source, event_name, user_key, failed, record)
    select seq, event_id, event_time, event_source, event_name, user_key, failed, record
    from audit_events`.execute(db);
  await sql`drop table audit_events`.execute(db);
  await sql`alter table audit_events_rebuilt rename to audit_events`.execute(db);

  for (const column of ['event_time', 'event_name', 'user_key']) {
    await db.schema
      .createIndex(`audit_events_${column}`)
      .on('audit_events')
      .column(column)
      .execute();
  }
}
