import { sql, type Kysely } from 'kysely';

import type { Dialect } from './dialect.js';
import { AWS_MANAGED_POLICIES } from './002-aws-managed-policies.js';

/**
 * Identity policies: managed policies and their versions (AWS-managed ones seeded), groups and
 * their members, attachments and inline policies of users and groups.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const bigint = sql.raw(dialect === 'postgres' ? 'bigint' : 'integer');

  await createPolicyTables(db, bigint);
  await createGroupTables(db, bigint);
  await createHolderTables(db, bigint);
  await seedAwsManagedPolicies(db);
}

type Bigint = ReturnType<typeof sql.raw>;

async function createPolicyTables(db: Kysely<unknown>, bigint: Bigint): Promise<void> {
  // Names are unique per scope regardless of case and path, as in IAM; AWS-managed policies
  // live in their own scope, so a customer may reuse one of their names.
  await db.schema
    .createTable('managed_policies')
    .addColumn('policy_id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('policy_name', 'text', (c) => c.notNull())
    .addColumn('policy_name_lower', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('arn', 'text', (c) => c.notNull())
    .addColumn('arn_lower', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('default_version', 'text', (c) => c.notNull())
    .addColumn('next_version', 'integer', (c) => c.notNull())
    .addColumn('is_attachable', 'integer', (c) => c.notNull())
    .addColumn('created_at', bigint, (c) => c.notNull())
    .addColumn('updated_at', bigint, (c) => c.notNull())
    .addUniqueConstraint('managed_policies_name', ['scope', 'policy_name_lower'])
    .execute();

  await db.schema
    .createTable('policy_versions')
    .addColumn('policy_id', 'text', (c) => c.notNull().references('managed_policies.policy_id'))
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('created_at', bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_versions_pk', ['policy_id', 'version_id'])
    .execute();

  await db.schema
    .createTable('policy_tags')
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('tag_key', 'text', (c) => c.notNull())
    .addColumn('tag_key_lower', 'text', (c) => c.notNull())
    .addColumn('tag_value', 'text', (c) => c.notNull())
    .addColumn('position', bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_tags_pk', ['owner', 'tag_key_lower'])
    .execute();
}

async function createGroupTables(db: Kysely<unknown>, bigint: Bigint): Promise<void> {
  await db.schema
    .createTable('groups')
    .addColumn('group_id', 'text', (c) => c.primaryKey())
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('group_name_lower', 'text', (c) => c.notNull().unique())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('created_at', bigint, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.group_id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.user_id'))
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'user_id'])
    .execute();
  await db.schema.createIndex('group_members_user').on('group_members').column('user_id').execute();
}

/**
 * A holder is a user or a group: `holder_kind` says which, so one table serves both for
 * attachments and one for inline policies.
 */
async function createHolderTables(db: Kysely<unknown>, bigint: Bigint): Promise<void> {
  await db.schema
    .createTable('policy_attachments')
    .addColumn('holder_kind', 'text', (c) => c.notNull())
    .addColumn('holder_id', 'text', (c) => c.notNull())
    .addColumn('policy_id', 'text', (c) => c.notNull().references('managed_policies.policy_id'))
    .addPrimaryKeyConstraint('policy_attachments_pk', ['holder_kind', 'holder_id', 'policy_id'])
    .execute();
  await db.schema
    .createIndex('policy_attachments_policy')
    .on('policy_attachments')
    .column('policy_id')
    .execute();

  // `revision` changes on every write, so a parsed document can be cached under it.
  await db.schema
    .createTable('inline_policies')
    .addColumn('holder_kind', 'text', (c) => c.notNull())
    .addColumn('holder_id', 'text', (c) => c.notNull())
    .addColumn('policy_name', 'text', (c) => c.notNull())
    .addColumn('policy_name_lower', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('revision', 'text', (c) => c.notNull())
    .addColumn('updated_at', bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('inline_policies_pk', [
      'holder_kind',
      'holder_id',
      'policy_name_lower',
    ])
    .execute();
}

async function seedAwsManagedPolicies(db: Kysely<unknown>): Promise<void> {
  for (const policy of AWS_MANAGED_POLICIES) {
    const arn = `arn:aws:iam::aws:policy${policy.path}${policy.name}`;
    await sql`insert into managed_policies (policy_id, scope, policy_name, policy_name_lower,
        path, arn, arn_lower, description, default_version, next_version, is_attachable,
        created_at, updated_at)
      values (${policy.id}, 'AWS', ${policy.name}, ${policy.name.toLowerCase()}, ${policy.path},
        ${arn}, ${arn.toLowerCase()}, ${policy.description}, ${policy.versionId},
        ${policy.versionNumber + 1}, 1, ${policy.createdAt}, ${policy.updatedAt})`.execute(db);
    await sql`insert into policy_versions (policy_id, version_id, version_number, document,
        created_at)
      values (${policy.id}, ${policy.versionId}, ${policy.versionNumber}, ${policy.document},
        ${policy.updatedAt})`.execute(db);
  }
}
