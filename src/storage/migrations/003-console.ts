import { sql, type Kysely } from 'kysely';

import type { Dialect } from './dialect.js';

/** The web console: a root password on the account, and console sessions shared by instances. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';

  await db.schema.alterTable('account').addColumn('root_password_hash', 'text').execute();

  // Only a hash of the cookie's token is kept, so a copy of the database opens no session.
  // user_id has no foreign key: deleting a user must not fail on a leftover session, and every
  // request checks that the user still exists.
  await db.schema
    .createTable('console_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('mfa_serial', 'text')
    .addColumn('mfa_authenticated_at', sql.raw(bigint))
    .addColumn('credential_check', 'text', (c) => c.notNull())
    .addColumn('pending_serial', 'text')
    .addColumn('created_at', sql.raw(bigint), (c) => c.notNull())
    .addColumn('last_seen_at', sql.raw(bigint), (c) => c.notNull())
    .addColumn('expires_at', sql.raw(bigint), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('console_sessions_user')
    .on('console_sessions')
    .column('user_id')
    .execute();
  await db.schema
    .createIndex('console_sessions_expiry')
    .on('console_sessions')
    .column('expires_at')
    .execute();
}
