import { sql, type RawBuilder } from 'kysely';

/**
 * A page size written into the SQL text rather than bound. SQLite plans a sorted, limited scan
 * better when it knows the limit up front (a bound LIMIT made a two-row ListMFADevices query
 * take twice as long), and page sizes are few, so the statement cache stays small. Only a
 * positive safe integer can get here, so nothing but digits is ever written into the text.
 */
export function pageLimit(limit: number): RawBuilder<number> {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`bad page limit ${limit}`);
  return sql.lit(limit);
}
