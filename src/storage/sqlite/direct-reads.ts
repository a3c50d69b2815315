import type { Database } from 'better-sqlite3';

import { domainError } from '../guarded-dialect.js';
import type { StatementSource } from './statement-cache.js';

/**
 * Runs a read-only statement straight on the embedded database, skipping Kysely's executor (its
 * connection lock, plugins and promise chain cost more than SQLite running a keyed lookup). Only
 * while no transaction is open on the connection: SQLite has one connection per process, and a
 * statement run while another request's transaction is open would see that transaction's
 * uncommitted rows. Then, and for anything that writes, the caller goes through Kysely.
 */
export class DirectReads {
  constructor(
    private readonly database: Database,
    private readonly statements: StatementSource,
  ) {}

  /** The rows, or undefined when the statement must go through Kysely instead. */
  tryRead<Row>(sql: string, parameters: readonly unknown[]): Row[] | undefined {
    if (this.database.inTransaction) return undefined;

    const statement = this.statements.statement(sql);
    if (!statement.readonly || !statement.reader) return undefined;
    try {
      return statement.all(...parameters) as Row[];
    } catch (error) {
      throw domainError(error);
    }
  }
}

const registry = new WeakMap<object, DirectReads>();

/** Lets queries on `db` (the store's root handle, never a transaction's) read directly. */
export function allowDirectReads(db: object, reads: DirectReads): void {
  registry.set(db, reads);
}

/** The direct path for queries on `db`, if it has one. */
export function directReadsFor(db: object): DirectReads | undefined {
  return registry.get(db);
}
