/**
 * SQLSTATE classes and codes that mean the database could not do the work right now, and a retry
 * later may succeed: connection exceptions (08), insufficient resources (53), a server shutting
 * down or starting (57P01-57P03), a statement or lock timeout (57014, 55P03) and the two
 * concurrency failures PostgreSQL asks clients to retry (40001, 40P01).
 */
const RETRYABLE_CLASSES = ['08', '53'];
const RETRYABLE_CODES = new Set(['57P01', '57P02', '57P03', '57014', '55P03', '40001', '40P01']);

/** Socket errors of a database that went away or cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** What node-postgres says when a connection ends or a pool cannot hand one out in time. */
const PG_CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Connection terminated due to connection timeout',
];

/**
 * Whether an error from a database driver means "unavailable, retry later" rather than a bug or a
 * refused statement: PostgreSQL connection failures and timeouts, and SQLite's busy and locked
 * answers (another process held the file past the busy timeout).
 */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;

  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return true;
    if (NETWORK_CODES.has(code) || RETRYABLE_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && RETRYABLE_CLASSES.includes(code.slice(0, 2))) return true;
  }
  if (PG_CONNECTION_MESSAGES.some((message) => error.message.startsWith(message))) return true;

  // Node reports a refused connection to every address of a host as one AggregateError.
  if (error instanceof AggregateError && error.errors.some(isUnavailable)) return true;
  return error.cause !== undefined && error.cause !== error && isUnavailable(error.cause);
}

/**
 * A unique or foreign-key violation: every write checks first, so reaching one means a concurrent
 * request changed the same entity in between (two creates of one name, a delete racing an
 * insert). It is a conflict for the client to retry, not a fault.
 */
export function isConstraintRace(error: unknown): boolean {
  if (!(error instanceof Error)) return false;

  const code = (error as { code?: unknown }).code;
  if (code === '23505' || code === '23503') return true;
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
  );
}
