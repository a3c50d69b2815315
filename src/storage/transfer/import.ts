import { sql, type Kysely, type Transaction } from 'kysely';

import type { KyselyStore } from '../kysely-store.js';
import { appliedMigrations, type Dialect } from '../migrations/index.js';
import { fromDumpValue, type Dump, type DumpTable } from './dump.js';
import type { TransferSummary } from './export.js';
import { TransferError } from './errors.js';
import { tablesInOrder, type TableShape } from './tables.js';

// Well under both databases' limits on parameters in one statement (SQLite 32766, pg 65535).
const PARAMETERS_PER_INSERT = 30_000;

/**
 * Copies a Dump into a database that no instance has started on yet, in one transaction: rows the
 * migrations seeded are replaced by the dump's, and on any failure nothing is left behind. The
 * schema must be the dump's (the same migrations applied), which the caller ensures by opening
 * the target with the same Tessera version that made the dump.
 */
export async function importDump(store: KyselyStore, dump: Dump): Promise<TransferSummary> {
  return (store.db as Kysely<any>).transaction().execute(async (trx) => {
    await checkMigrations(trx, store.dialect, dump);
    const tables = await tablesInOrder(trx, store.dialect);
    checkTables(tables, dump);
    await checkEmpty(trx);

    for (const table of [...tables].reverse()) await trx.deleteFrom(table.name).execute();

    let rows = 0;
    for (const table of tables) {
      const dumped = dump.tables.find((t) => t.name === table.name);
      if (dumped) rows += await insertRows(trx, dumped);
    }

    if (store.dialect === 'postgres') await continueSequences(trx, tables);
    return { tables: dump.tables.length, rows };
  });
}

async function checkMigrations(trx: Transaction<any>, dialect: Dialect, dump: Dump): Promise<void> {
  const target = await appliedMigrations(trx, dialect);
  if (target.join() === dump.migrations.join()) return;

  throw new TransferError(
    `the dump was made at schema ${dump.migrations.at(-1) ?? '(none)'} but the target is at ` +
      `${target.at(-1) ?? '(none)'}: export and import with the same Tessera version`,
  );
}

function checkTables(tables: TableShape[], dump: Dump): void {
  for (const dumped of dump.tables) {
    const target = tables.find((t) => t.name === dumped.name);
    if (!target) throw new TransferError(`the target database has no table ${dumped.name}`);

    const missing = dumped.columns.filter((column) => !target.columns.includes(column));
    if (missing.length > 0) {
      throw new TransferError(`table ${dumped.name} on the target lacks ${missing.join(', ')}`);
    }
  }
}

async function checkEmpty(trx: Transaction<any>): Promise<void> {
  const account = await trx.selectFrom('account').select('account_id').executeTakeFirst();
  if (!account) return;

  throw new TransferError(
    `the target database already holds account ${String(account.account_id)}: import into a ` +
      'new database, before any instance has started on it',
  );
}

async function insertRows(trx: Transaction<any>, table: DumpTable): Promise<number> {
  const batch = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / table.columns.length));

  for (let start = 0; start < table.rows.length; start += batch) {
    const values = table.rows
      .slice(start, start + batch)
      .map((row) => Object.fromEntries(table.columns.map((c, i) => [c, fromDumpValue(row[i]!)])));
    await trx.insertInto(table.name).values(values).execute();
  }
  return table.rows.length;
}

/** Rows copied with their serial numbers leave the sequences behind; they resume after the copy. */
async function continueSequences(trx: Transaction<any>, tables: TableShape[]): Promise<void> {
  for (const table of tables) {
    for (const column of table.serials) {
      await sql`select setval(
          pg_get_serial_sequence(${table.name}, ${column}),
          coalesce((select max(${sql.ref(column)}) from ${sql.table(table.name)}), 0) + 1,
          false)`.execute(trx);
    }
  }
}
