import { sql, type Kysely } from 'kysely';

import type {
  ManagedPolicy,
  PolicyListFilter,
  PolicyVersion,
} from '../../domain/policies/types.js';
import type { Tag } from '../../domain/types.js';
import type { PolicyRepo } from '../policy-store.js';
import type { Database } from '../schema.js';
import type { ListWindow } from '../store.js';
import { pageLimit } from './limit.js';
import { toManagedPolicy, toPolicyVersion } from './policy-rows.js';
import { deleteTags, readTags, writeTags } from './tags.js';

/** Managed policies with the number of users and groups each is attached to. */
function selectPolicies(db: Kysely<Database>) {
  return db
    .selectFrom('managed_policies')
    .selectAll('managed_policies')
    .select((eb) =>
      eb
        .selectFrom('policy_attachments')
        .select((count) => count.fn.countAll().as('n'))
        .whereRef('policy_attachments.policy_id', '=', 'managed_policies.policy_id')
        .as('attachment_count'),
    );
}

export type PolicyQuery = ReturnType<typeof selectPolicies>;

/** Policies that `narrow` keeps, under a path prefix, in ARN order from `window.after` on. */
export async function findPolicies(
  db: Kysely<Database>,
  narrow: (query: PolicyQuery) => PolicyQuery,
  pathPrefix: string,
  window: ListWindow,
): Promise<ManagedPolicy[]> {
  let query = narrow(selectPolicies(db));
  if (pathPrefix !== '/') {
    query = query.where('path', '>=', pathPrefix).where('path', '<', `${pathPrefix}\u{10ffff}`);
  }
  if (window.after !== undefined) query = query.where('arn_lower', '>', window.after);

  const rows = await query.orderBy('arn_lower').limit(pageLimit(window.limit)).execute();
  return rows.map(toManagedPolicy);
}

export class PolicyRows implements PolicyRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(policy: ManagedPolicy, version: PolicyVersion, tags: Tag[]): Promise<boolean> {
    const result = await this.db
      .insertInto('managed_policies')
      .values({
        policy_id: policy.policyId,
        scope: policy.scope,
        policy_name: policy.policyName,
        policy_name_lower: policy.policyName.toLowerCase(),
        path: policy.path,
        arn: policy.arn,
        arn_lower: policy.arn.toLowerCase(),
        description: policy.description,
        default_version: version.versionId,
        next_version: 2,
        is_attachable: policy.isAttachable ? 1 : 0,
        created_at: policy.createdAt,
        updated_at: policy.updatedAt,
      })
      .onConflict((c) => c.doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;

    await this.db
      .insertInto('policy_versions')
      .values({
        policy_id: policy.policyId,
        version_id: version.versionId,
        version_number: 1,
        document: version.document,
        created_at: version.createdAt,
      })
      .execute();
    await writeTags(this.db, 'policy_tags', policy.policyId, tags);
    return true;
  }

  async findByArn(arn: string): Promise<ManagedPolicy | undefined> {
    const row = await selectPolicies(this.db)
      .where('arn_lower', '=', arn.toLowerCase())
      .executeTakeFirst();
    return row && toManagedPolicy(row);
  }

  list(filter: PolicyListFilter, window: ListWindow): Promise<ManagedPolicy[]> {
    const narrow = (query: PolicyQuery): PolicyQuery => {
      let narrowed = query;
      if (filter.scope !== 'All') narrowed = narrowed.where('scope', '=', filter.scope);
      if (filter.onlyAttached) narrowed = narrowed.where('policy_id', 'in', attachedIds(this.db));
      return narrowed;
    };
    return findPolicies(this.db, narrow, filter.pathPrefix, window);
  }

  tags(policyId: string): Promise<Tag[]> {
    return readTags(this.db, 'policy_tags', policyId);
  }

  async delete(policyId: string): Promise<boolean> {
    await deleteTags(this.db, 'policy_tags', policyId);
    await this.db.deleteFrom('policy_versions').where('policy_id', '=', policyId).execute();
    const result = await this.db
      .deleteFrom('managed_policies')
      .where('policy_id', '=', policyId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async findVersion(policyId: string, versionId: string): Promise<PolicyVersion | undefined> {
    const row = await this.#versions(policyId)
      .where('policy_versions.version_id', '=', versionId)
      .executeTakeFirst();
    return row && toPolicyVersion(row);
  }

  async listVersions(policyId: string, window: ListWindow): Promise<PolicyVersion[]> {
    let query = this.#versions(policyId);
    if (window.after !== undefined) {
      query = query.where('policy_versions.version_number', '<', Number(window.after));
    }

    const rows = await query
      .orderBy('policy_versions.version_number', 'desc')
      .limit(pageLimit(window.limit))
      .execute();
    return rows.map(toPolicyVersion);
  }

  async countVersions(policyId: string): Promise<number> {
    const row = await this.db
      .selectFrom('policy_versions')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('policy_id', '=', policyId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async addVersion(
    policyId: string,
    document: string,
    at: number,
    setAsDefault: boolean,
  ): Promise<PolicyVersion> {
    // Taking the number and moving the counter on is one statement, so concurrent writers
    // never share a version id.
    const taken = await this.db
      .updateTable('managed_policies')
      .set({ next_version: sql`next_version + 1` })
      .where('policy_id', '=', policyId)
      .returning('next_version')
      .executeTakeFirstOrThrow();
    const number = Number(taken.next_version) - 1;
    const versionId = `v${number}`;

    await this.db
      .insertInto('policy_versions')
      .values({
        policy_id: policyId,
        version_id: versionId,
        version_number: number,
        document,
        created_at: at,
      })
      .execute();
    if (setAsDefault) await this.setDefaultVersion(policyId, versionId, at);
    return { policyId, versionId, document, isDefaultVersion: setAsDefault, createdAt: at };
  }

  async deleteVersion(policyId: string, versionId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('policy_versions')
      .where('policy_id', '=', policyId)
      .where('version_id', '=', versionId)
      .where('version_id', 'not in', defaultVersionOf(this.db, policyId))
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async setDefaultVersion(policyId: string, versionId: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('managed_policies')
      .set({ default_version: versionId, updated_at: at })
      .where('policy_id', '=', policyId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('policy_versions')
            .select('version_id')
            .where('policy_versions.policy_id', '=', policyId)
            .where('policy_versions.version_id', '=', versionId),
        ),
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  #versions(policyId: string) {
    return this.db
      .selectFrom('policy_versions')
      .innerJoin('managed_policies', 'managed_policies.policy_id', 'policy_versions.policy_id')
      .selectAll('policy_versions')
      .select('managed_policies.default_version')
      .where('policy_versions.policy_id', '=', policyId);
  }
}

function attachedIds(db: Kysely<Database>) {
  return db.selectFrom('policy_attachments').select('policy_attachments.policy_id');
}

function defaultVersionOf(db: Kysely<Database>, policyId: string) {
  return db
    .selectFrom('managed_policies')
    .select('default_version')
    .where('policy_id', '=', policyId);
}
