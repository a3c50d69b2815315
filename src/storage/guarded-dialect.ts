import type {
  CompiledQuery,
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';

import { ConcurrentModification, ServiceUnavailable } from '../domain/errors.js';
import { isConstraintRace, isUnavailable } from './unavailable.js';

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw domainError(error);
  }
}

/** The error the rest of Tessera sees for a database error (see GuardedDialect). */
export function domainError(error: unknown): unknown {
  if (isUnavailable(error)) return new ServiceUnavailable(undefined, error);
  if (isConstraintRace(error)) {
    return new ConcurrentModification(
      'The request conflicted with a concurrent change to the same entity. Retry it.',
    );
  }
  return error;
}

/**
 * A dialect whose every database call turns "the database is unreachable" into the domain's
 * ServiceUnavailable (a retryable 503), wherever in the code the call was made: the API, the
 * console and the CLI all see one error instead of each recognising driver messages.
 */
export class GuardedDialect implements Dialect {
  constructor(private readonly inner: Dialect) {}

  createDriver(): Driver {
    return new GuardedDriver(this.inner.createDriver());
  }

  createQueryCompiler(): QueryCompiler {
    return this.inner.createQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return this.inner.createAdapter();
  }

  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return this.inner.createIntrospector(db);
  }
}

class GuardedConnection implements DatabaseConnection {
  constructor(readonly inner: DatabaseConnection) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return guard(() => this.inner.executeQuery<R>(query));
  }

  async *streamQuery<R>(
    query: CompiledQuery,
    chunkSize?: number,
  ): AsyncIterableIterator<QueryResult<R>> {
    const rows = this.inner.streamQuery<R>(query, chunkSize);
    while (true) {
      const next = await guard(() => rows.next());
      if (next.done) return;
      yield next.value;
    }
  }
}

/** The drivers keep private state on their own connection objects, so they get those back. */
function raw(connection: DatabaseConnection): DatabaseConnection {
  return connection instanceof GuardedConnection ? connection.inner : connection;
}

type Compile = QueryCompiler['compileQuery'];

class GuardedDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return guard(() => this.inner.init());
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new GuardedConnection(await guard(() => this.inner.acquireConnection()));
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return guard(() => this.inner.beginTransaction(raw(connection), settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return guard(() => this.inner.commitTransaction(raw(connection)));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return guard(() => this.inner.rollbackTransaction(raw(connection)));
  }

  savepoint(connection: DatabaseConnection, name: string, compile: Compile): Promise<void> {
    return guard(() => this.#savepoints().savepoint!(raw(connection), name, compile));
  }

  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Compile,
  ): Promise<void> {
    return guard(() => this.#savepoints().rollbackToSavepoint!(raw(connection), name, compile));
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: Compile): Promise<void> {
    return guard(() => this.#savepoints().releaseSavepoint!(raw(connection), name, compile));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(raw(connection));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }

  #savepoints(): Driver {
    if (!this.inner.savepoint) throw new TypeError('this database driver has no savepoints');
    return this.inner;
  }
}
