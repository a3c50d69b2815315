import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

import { migrate, type Dialect } from '../../src/storage/migrations/index.js';
import { scratchPostgres, type ScratchDatabase } from '../support/postgres.js';

const made: ScratchDatabase[] = [];
afterAll(async () => {
  await Promise.all(made.map((database) => database.drop()));
});

async function database(dialect: Dialect): Promise<Kysely<any>> {
  if (dialect === 'sqlite') {
    return new Kysely({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
  }
  const scratch = await scratchPostgres();
  made.push(scratch);
  const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
  return new Kysely({ dialect: new PostgresDialect({ pool }) });
}

function event(id: string, time: number) {
  return {
    event_id: id,
    event_time: time,
    event_source: 'iam.amazonaws.com',
    event_name: 'GetUser',
    user_key: 'alice',
    failed: 0,
    record: JSON.stringify({ eventID: id }),
  };
}

/** Migrations that change tables already holding data, from the schema before them. */
describe.each<Dialect>(['sqlite', 'postgres'])('migrations on %s', (dialect) => {
  it('005 keeps every audit event and its order, and allows a repeated event id', async () => {
    const db = await database(dialect);
    try {
      await migrate(db, dialect, '004-audit');
      await db
        .insertInto('audit_events')
        .values([event('a', 1), event('b', 2)])
        .execute();
      await expect(db.insertInto('audit_events').values(event('a', 3)).execute()).rejects.toThrow();

      await migrate(db, dialect);

      await db
        .insertInto('audit_events')
        .values([event('a', 3), event('c', 4)])
        .execute();
      const rows = await db
        .selectFrom('audit_events')
        .select(['seq', 'event_id', 'record'])
        .orderBy('seq')
        .execute();
      // PostgreSQL spends a sequence value on the refused insert, so only the order is compared.
      expect(rows.map((row) => row.event_id)).toEqual(['a', 'b', 'a', 'c']);
      expect(rows.slice(0, 2).map((row) => Number(row.seq))).toEqual([1, 2]);
      expect(Number(rows[2]!.seq)).toBeGreaterThan(2);
      expect(JSON.parse(rows[1]!.record)).toEqual({ eventID: 'b' });

      if (dialect === 'sqlite') {
        const plan = await sql<{ detail: string }>`explain query plan
          select record from audit_events where user_key = 'alice'`.execute(db);
        expect(JSON.stringify(plan.rows)).toContain('audit_events_user_key');
      }
    } finally {
      await db.destroy();
    }
  });
});
