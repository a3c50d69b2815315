import { CompiledQuery, type Compilable, type Kysely, type QueryResult } from 'kysely';

import type { Database } from '../schema.js';
import { directReadsFor } from '../sqlite/direct-reads.js';

export type Dialect = 'sqlite' | 'postgres';

/** What the SQL text itself depends on besides the dialect: a page size, a filter present. */
type Shape = string | number | boolean | undefined;

/**
 * Marks where an argument goes while the query is compiled; no real value looks like it, and its
 * mixed case shows a builder that lower- or upper-cases what it was given.
 */
const SLOT = '\u0000Tessera-Argument:';

type Slot = { argument: number } | { value: unknown };

/**
 * A query built and compiled to SQL once per dialect and shape, then run with new arguments.
 * Building and compiling a Kysely query walks and freezes its whole tree, which on the request
 * path cost as much as SQLite running the lookup. The builder may branch on the shape, but must
 * pass its arguments through as values, never look at them or change them: compiling checks
 * that each one came out where it went in. On SQLite, reads outside transactions skip Kysely's
 * executor (see DirectReads).
 */
export class PreparedQuery<Args extends unknown[], Row, S extends Shape = undefined> {
  readonly #compiled = new Map<string, { sql: string; slots: Slot[] }>();

  constructor(
    private readonly build: (db: Kysely<Database>, shape: S, ...args: Args) => Compilable<Row>,
  ) {}

  async execute(db: Kysely<Database>, dialect: Dialect, shape: S, ...args: Args): Promise<Row[]> {
    return (await this.#run(db, dialect, shape, args)).rows;
  }

  /** For a statement that writes: how many rows it inserted, updated or deleted. */
  async affected(db: Kysely<Database>, dialect: Dialect, shape: S, ...args: Args): Promise<number> {
    return Number((await this.#run(db, dialect, shape, args)).numAffectedRows ?? 0);
  }

  async first(db: Kysely<Database>, dialect: Dialect, shape: S, ...args: Args) {
    return (await this.execute(db, dialect, shape, ...args))[0];
  }

  #run(db: Kysely<Database>, dialect: Dialect, shape: S, args: Args): Promise<QueryResult<Row>> {
    const { sql, slots } = this.#compile(db, dialect, shape, args.length);
    const parameters = slots.map((slot) => ('argument' in slot ? args[slot.argument] : slot.value));

    const rows = directReadsFor(db)?.tryRead<Row>(sql, parameters);
    if (rows) return Promise.resolve({ rows });
    return db.executeQuery<Row>(CompiledQuery.raw(sql, parameters));
  }

  #compile(db: Kysely<Database>, dialect: Dialect, shape: S, count: number) {
    const key = `${dialect}:${String(shape)}`;
    const known = this.#compiled.get(key);
    if (known) return known;

    const markers = Array.from({ length: count }, (_, i) => `${SLOT}${i}`) as Args;
    const compiled = this.build(db, shape, ...markers).compile();
    const slots = compiled.parameters.map((value): Slot => {
      if (typeof value !== 'string' || !value.startsWith(SLOT)) return { value };
      return { argument: Number(value.slice(SLOT.length)) };
    });

    const placed = new Set(slots.flatMap((slot) => ('argument' in slot ? [slot.argument] : [])));
    if (placed.size !== count) {
      throw new TypeError(`a prepared query changed its arguments: ${compiled.sql}`);
    }
    const entry = { sql: compiled.sql, slots };
    this.#compiled.set(key, entry);
    return entry;
  }
}
