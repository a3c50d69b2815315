import type { Kysely } from 'kysely';

import type { KyselyStore } from '../kysely-store.js';
import { appliedMigrations } from '../migrations/index.js';
import { dumpHeader, toDumpValue } from './dump.js';
import { tablesInOrder } from './tables.js';

export interface TransferSummary {
  tables: number;
  rows: number;
}

/**
 * Writes the whole database as a Dump (see dump.ts), one table at a time, all read in one
 * transaction: a snapshot, so a deployment that keeps serving while it is exported still gives a
 * consistent copy.
 */
export async function exportDump(
  store: KyselyStore,
  write: (chunk: string) => Promise<void>,
): Promise<TransferSummary> {
  // Read only: on SQLite a deferred snapshot that lets the server's writes go on meanwhile.
  let transaction = (store.db as Kysely<any>).transaction().setAccessMode('read only');
  if (store.dialect === 'postgres') transaction = transaction.setIsolationLevel('repeatable read');

  return transaction.execute(async (trx) => {
    const header = JSON.stringify(dumpHeader(await appliedMigrations(trx, store.dialect)));
    const tables = await tablesInOrder(trx, store.dialect);
    await write(`${header.slice(0, -1)},"tables":[\n`);

    let rows = 0;
    for (const [index, table] of tables.entries()) {
      const found = await trx.selectFrom(table.name).select(table.columns).execute();
      const values = found.map((row) => table.columns.map((column) => toDumpValue(row[column])));
      rows += values.length;

      const entry = JSON.stringify({ name: table.name, columns: table.columns, rows: values });
      await write(`${index > 0 ? ',\n' : ''}${entry}`);
    }

    await write('\n]}\n');
    return { tables: tables.length, rows };
  });
}
