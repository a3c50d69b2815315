import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept; queries are built from fixed shapes, so far fewer exist in practice. */
const MAX_STATEMENTS = 1000;

/**
 * The database as Kysely sees it, with each SQL text prepared once. Kysely asks for a fresh
 * statement on every query, and preparing costs more than running the short indexed lookups of
 * the request path. A cached statement still being iterated (a stream left open) is not shared:
 * that call gets a fresh one.
 */
export function cachingStatements(database: Database): SqliteDatabase & StatementSource {
  const statements = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    const cached = statements.get(sql);
    if (cached && !cached.busy) return cached;

    const fresh = database.prepare(sql);
    if (cached) return fresh;
    if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
    statements.set(sql, fresh);
    return fresh;
  };
  return {
    close: () => database.close(),
    prepare: prepare as (sql: string) => SqliteStatement,
    statement: prepare,
  };
}

/** The same cache, typed as better-sqlite3's own statements (for reads run outside Kysely). */
export interface StatementSource {
  statement(sql: string): Statement;
}
