import { randomBytes } from 'node:crypto';

import pg from 'pg';

/**
 * The PostgreSQL server scripts/test-env.sh starts on loopback. TESSERA_TEST_POSTGRES may name
 * another one (a maintenance database on it, such as .../postgres).
 */
const ADMIN_URL =
  process.env.TESSERA_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A new, empty database for one test file, dropped afterwards; or a copy of `template` (a scratch
 * database's name, with no open connections), which skips migrating each copy again.
 */
export async function scratchPostgres(template?: string): Promise<ScratchDatabase> {
  const name = `tessera_test_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name}${template ? ` template ${template}` : ''}`);

  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
