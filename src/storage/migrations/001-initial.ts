import { sql, type Kysely } from 'kysely';

import type { Dialect } from './dialect.js';

/** The first schema: account, users, credentials, MFA devices and STS sessions. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';

  await db.schema
    .createTable('account')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(bigint), (c) => c.notNull())
    .addColumn('key_check', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('user_name_lower', 'text', (c) => c.notNull().unique())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(bigint), (c) => c.notNull())
    .addColumn('password_last_used', sql.raw(bigint))
    .execute();

  for (const table of ['user_tags', 'mfa_device_tags']) {
    await db.schema
      .createTable(table)
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('tag_key', 'text', (c) => c.notNull())
      .addColumn('tag_key_lower', 'text', (c) => c.notNull())
      .addColumn('tag_value', 'text', (c) => c.notNull())
      .addColumn('position', sql.raw(bigint), (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['owner', 'tag_key_lower'])
      .execute();
  }

  await db.schema
    .createTable('login_profiles')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.user_id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('reset_required', 'integer', (c) => c.notNull())
    .addColumn('created_at', sql.raw(bigint), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('access_keys')
    .addColumn('access_key_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.references('users.user_id'))
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(bigint), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('access_keys_user').on('access_keys').column('user_id').execute();

  await db.schema
    .createTable('mfa_devices')
    .addColumn('serial_number', 'text', (c) => c.primaryKey())
    .addColumn('serial_lower', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('seed_sealed', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.user_id'))
    .addColumn('enabled_at', sql.raw(bigint))
    .addColumn('created_at', sql.raw(bigint), (c) => c.notNull())
    .addColumn('last_step', sql.raw(bigint))
    .addColumn('drift', 'integer', (c) => c.notNull())
    .addColumn('failed_attempts', 'integer', (c) => c.notNull())
    .addColumn('lockouts', 'integer', (c) => c.notNull())
    .addColumn('locked_until', sql.raw(bigint), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mfa_devices_user').on('mfa_devices').column('user_id').execute();

  await db.schema
    .createTable('sts_sessions')
    .addColumn('access_key_id', 'text', (c) => c.primaryKey())
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('source_access_key_id', 'text', (c) => c.notNull())
    .addColumn('mfa_authenticated', 'integer', (c) => c.notNull())
    .addColumn('mfa_authenticated_at', sql.raw(bigint))
    .addColumn('expires_at', sql.raw(bigint), (c) => c.notNull())
    .addColumn('created_at', sql.raw(bigint), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sts_sessions_user').on('sts_sessions').column('user_id').execute();
}
