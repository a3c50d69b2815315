import pg from 'pg';

const ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty database on the local server, named so that it is plainly the harness's. */
export async function createDatabase(): Promise<string> {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const name = `tessera_bench_${stamp}_${process.pid}`;
  await admin(`CREATE DATABASE ${name}`);
  return name;
}

export function databaseUrl(name: string): string {
  return `postgres://postgres@127.0.0.1:5432/${name}`;
}

export async function dropDatabase(name: string): Promise<void> {
  if (!/^tessera_bench_\w+$/.test(name)) throw new TypeError(`not a bench database: ${name}`);
  await admin(`DROP DATABASE IF EXISTS ${name}`);
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
