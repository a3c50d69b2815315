import { TransferError } from './errors.js';

/**
 * A whole database as JSON: every application table with its column names and its rows as arrays,
 * parents before children. Values are copied as stored, sealed secrets included, so a dump opens
 * only under the master key the database was made with, and must be kept as safe as the database.
 */
export interface Dump {
  format: typeof FORMAT;
  version: 1;
  /** The migrations the source had applied; the target must have applied the same ones. */
  migrations: string[];
  tables: DumpTable[];
}

export interface DumpTable {
  name: string;
  columns: string[];
  rows: DumpValue[][];
}

/** Bytes are the one kind of value JSON cannot hold; they travel as base64. */
export type DumpValue = string | number | null | { base64: string };

const FORMAT = 'tessera-dump';

export function dumpHeader(migrations: string[]): Omit<Dump, 'tables'> {
  return { format: FORMAT, version: 1, migrations };
}

export function toDumpValue(value: unknown): DumpValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Buffer.isBuffer(value)) return { base64: value.toString('base64') };
  throw new TransferError(`cannot copy a value of type ${typeof value}`);
}

export function fromDumpValue(value: DumpValue): unknown {
  return value !== null && typeof value === 'object' ? Buffer.from(value.base64, 'base64') : value;
}

/** Checks the shape of parsed JSON before any of it is trusted. */
export function parseDump(text: string): Dump {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new TransferError('the input is not JSON: expected the output of `tessera export`');
  }

  const dump = parsed as Partial<Dump> | null;
  if (dump?.format !== FORMAT || dump.version !== 1) {
    throw new TransferError('the input is not a Tessera dump (format tessera-dump, version 1)');
  }
  if (!Array.isArray(dump.migrations) || !Array.isArray(dump.tables)) {
    throw new TransferError('the dump lacks its migrations or tables');
  }
  for (const table of dump.tables) {
    if (typeof table?.name !== 'string' || !Array.isArray(table.columns)) {
      throw new TransferError('the dump holds a table without a name or columns');
    }
    if (!Array.isArray(table.rows) || table.rows.some((r) => r.length !== table.columns.length)) {
      throw new TransferError(`the rows of table ${table.name} do not match its columns`);
    }
  }
  return dump as Dump;
}

/** The first row of one of the dump's tables, by column name (`account` holds exactly one). */
export function dumpedRow(dump: Dump, table: string): Record<string, unknown> | undefined {
  const found = dump.tables.find((t) => t.name === table);
  const row = found?.rows[0];
  if (!found || !row) return undefined;
  return Object.fromEntries(found.columns.map((column, i) => [column, fromDumpValue(row[i]!)]));
}
