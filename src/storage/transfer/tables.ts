import { sql, type Kysely } from 'kysely';

import type { Dialect } from '../migrations/index.js';
import { TransferError } from './errors.js';

export interface TableShape {
  name: string;
  columns: string[];
  /** Columns a sequence fills (PostgreSQL serials), which must continue after copied rows. */
  serials: string[];
}

/**
 * The application's tables as the database describes them (not Kysely's migration bookkeeping),
 * parents before the tables whose foreign keys point at them, so rows can be inserted in this
 * order and deleted in the reverse one. Found by introspection, so tables added by later
 * migrations are copied without anyone listing them here.
 */
export async function tablesInOrder(db: Kysely<any>, dialect: Dialect): Promise<TableShape[]> {
  const schema = dialect === 'postgres' ? await currentSchema(db) : undefined;
  const tables = (await db.introspection.getTables())
    .filter((table) => !table.isView && table.schema === schema)
    .map((table) => ({
      name: table.name,
      columns: table.columns.map((c) => c.name),
      serials: table.columns.filter((c) => c.isAutoIncrementing).map((c) => c.name),
    }));

  const parents = await foreignKeys(db, dialect, tables);
  return dependencyOrder(tables, parents);
}

async function currentSchema(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]!.schema;
}

/** For each table, the tables its foreign keys reference. */
async function foreignKeys(
  db: Kysely<any>,
  dialect: Dialect,
  tables: TableShape[],
): Promise<Map<string, Set<string>>> {
  const parents = new Map(tables.map((table) => [table.name, new Set<string>()]));
  const edges =
    dialect === 'postgres'
      ? await sql<{ child: string; parent: string }>`
          select child.relname as child, parent.relname as parent
          from pg_constraint c
          join pg_class child on child.oid = c.conrelid
          join pg_class parent on parent.oid = c.confrelid
          join pg_namespace ns on ns.oid = child.relnamespace
          where c.contype = 'f' and ns.nspname = current_schema()`.execute(db)
      : await sqliteForeignKeys(db, tables);

  for (const { child, parent } of edges.rows) {
    if (child !== parent) parents.get(child)?.add(parent);
  }
  return parents;
}

async function sqliteForeignKeys(
  db: Kysely<any>,
  tables: TableShape[],
): Promise<{ rows: { child: string; parent: string }[] }> {
  const rows: { child: string; parent: string }[] = [];
  for (const table of tables) {
    const keys = await sql<{ table: string }>`
      select "table" from pragma_foreign_key_list(${table.name})`.execute(db);
    for (const key of keys.rows) rows.push({ child: table.name, parent: key.table });
  }
  return { rows };
}

/** Parents first; among tables free to go, by name, so a dump of one database is repeatable. */
function dependencyOrder(tables: TableShape[], parents: Map<string, Set<string>>): TableShape[] {
  const ordered: TableShape[] = [];
  const placed = new Set<string>();
  const waiting = [...tables].sort((a, b) => a.name.localeCompare(b.name));

  while (waiting.length > 0) {
    const next = waiting.findIndex((table) =>
      [...parents.get(table.name)!].every((parent) => placed.has(parent) || !parents.has(parent)),
    );
    if (next < 0) {
      throw new TransferError(
        `tables ${waiting.map((t) => t.name).join(', ')} reference each other in a cycle`,
      );
    }
    const [table] = waiting.splice(next, 1);
    ordered.push(table!);
    placed.add(table!.name);
  }
  return ordered;
}
