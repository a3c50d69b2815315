import type { Kysely } from 'kysely';

import type { InlinePolicy, ManagedPolicy, PolicySource } from '../../domain/policies/types.js';
import type { HolderPolicyRepo, HolderRef } from '../policy-store.js';
import type { Database } from '../schema.js';
import type { ListWindow } from '../store.js';
import { pageLimit } from './limit.js';
import { findPolicies } from './policies.js';

export class HolderPolicyRows implements HolderPolicyRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async attach(holder: HolderRef, policyId: string): Promise<void> {
    await this.db
      .insertInto('policy_attachments')
      .values({ holder_kind: holder.kind, holder_id: holder.id, policy_id: policyId })
      .onConflict((c) => c.columns(['holder_kind', 'holder_id', 'policy_id']).doNothing())
      .execute();
  }

  async detach(holder: HolderRef, policyId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('policy_attachments')
      .where('holder_kind', '=', holder.kind)
      .where('holder_id', '=', holder.id)
      .where('policy_id', '=', policyId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  attached(holder: HolderRef, pathPrefix: string, window: ListWindow): Promise<ManagedPolicy[]> {
    const held = this.db
      .selectFrom('policy_attachments')
      .select('policy_attachments.policy_id')
      .where('holder_kind', '=', holder.kind)
      .where('holder_id', '=', holder.id);
    return findPolicies(
      this.db,
      (query) => query.where('policy_id', 'in', held),
      pathPrefix,
      window,
    );
  }

  async countAttached(holder: HolderRef): Promise<number> {
    const row = await this.db
      .selectFrom('policy_attachments')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('holder_kind', '=', holder.kind)
      .where('holder_id', '=', holder.id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async putInline(
    holder: HolderRef,
    policy: InlinePolicy,
    revision: string,
    at: number,
  ): Promise<void> {
    const changed = { policy_name: policy.policyName, document: policy.document, revision };
    await this.db
      .insertInto('inline_policies')
      .values({
        holder_kind: holder.kind,
        holder_id: holder.id,
        policy_name_lower: policy.policyName.toLowerCase(),
        updated_at: at,
        ...changed,
      })
      .onConflict((c) =>
        c
          .columns(['holder_kind', 'holder_id', 'policy_name_lower'])
          .doUpdateSet({ ...changed, updated_at: at }),
      )
      .execute();
  }

  async findInline(holder: HolderRef, policyName: string): Promise<InlinePolicy | undefined> {
    const row = await this.#inline(holder)
      .where('policy_name_lower', '=', policyName.toLowerCase())
      .executeTakeFirst();
    return row && { policyName: row.policy_name, document: row.document };
  }

  async inline(holder: HolderRef, window: ListWindow): Promise<InlinePolicy[]> {
    let query = this.#inline(holder);
    if (window.after !== undefined) query = query.where('policy_name_lower', '>', window.after);

    const rows = await query.orderBy('policy_name_lower').limit(pageLimit(window.limit)).execute();
    return rows.map((row) => ({ policyName: row.policy_name, document: row.document }));
  }

  async deleteInline(holder: HolderRef, policyName: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('inline_policies')
      .where('holder_kind', '=', holder.kind)
      .where('holder_id', '=', holder.id)
      .where('policy_name_lower', '=', policyName.toLowerCase())
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async countInline(holder: HolderRef): Promise<number> {
    const row = await this.db
      .selectFrom('inline_policies')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('holder_kind', '=', holder.kind)
      .where('holder_id', '=', holder.id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async sourcesFor(userId: string): Promise<PolicySource[]> {
    const [inline, attached] = await Promise.all([
      this.#inlineSources(userId),
      this.#attachedSources(userId),
    ]);

    // A policy attached to the user and to one of its groups counts once.
    const unique = new Map<string, PolicySource>();
    for (const source of [...inline, ...attached]) unique.set(source.key, source);
    return [...unique.values()];
  }

  #inline(holder: HolderRef) {
    return this.db
      .selectFrom('inline_policies')
      .select(['policy_name', 'document'])
      .where('holder_kind', '=', holder.kind)
      .where('holder_id', '=', holder.id);
  }

  async #inlineSources(userId: string): Promise<PolicySource[]> {
    const rows = await this.db
      .selectFrom('inline_policies')
      .select(['revision', 'document'])
      .where((eb) =>
        eb.or([
          eb.and([eb('holder_kind', '=', 'user'), eb('holder_id', '=', userId)]),
          eb.and([eb('holder_kind', '=', 'group'), eb('holder_id', 'in', this.#groupIds(userId))]),
        ]),
      )
      .execute();
    return rows.map((row) => ({ key: `inline:${row.revision}`, document: row.document }));
  }

  async #attachedSources(userId: string): Promise<PolicySource[]> {
    const rows = await this.db
      .selectFrom('policy_attachments')
      .innerJoin('managed_policies', 'managed_policies.policy_id', 'policy_attachments.policy_id')
      .innerJoin('policy_versions', (join) =>
        join
          .onRef('policy_versions.policy_id', '=', 'managed_policies.policy_id')
          .onRef('policy_versions.version_id', '=', 'managed_policies.default_version'),
      )
      .select(['managed_policies.policy_id', 'policy_versions.version_id', 'document'])
      .where((eb) =>
        eb.or([
          eb.and([eb('holder_kind', '=', 'user'), eb('holder_id', '=', userId)]),
          eb.and([eb('holder_kind', '=', 'group'), eb('holder_id', 'in', this.#groupIds(userId))]),
        ]),
      )
      .execute();
    return rows.map((row) => ({
      key: `managed:${row.policy_id}:${row.version_id}`,
      document: row.document,
    }));
  }

  #groupIds(userId: string) {
    return this.db.selectFrom('group_members').select('group_id').where('user_id', '=', userId);
  }
}
