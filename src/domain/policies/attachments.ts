import type { Deps } from '../context.js';
import { LimitExceeded, NoSuchEntity, PolicyNotAttachable } from '../errors.js';
import { pageOf } from '../paging.js';
import type { Page } from '../types.js';
import { findHolder, type HolderName } from './holders.js';
import { ATTACHED_POLICIES_MAX } from './limits.js';
import { findPolicy, noSuchPolicy, requirePolicy } from './managed.js';
import type { ManagedPolicy, PageRequest } from './types.js';

const QUOTA_NAMES = { user: 'PoliciesPerUser', group: 'PoliciesPerGroup' } as const;

/** Attaching a policy that is attached already succeeds and changes nothing, as in IAM. */
export async function attachPolicy(
  deps: Deps,
  holderName: HolderName,
  policyArn: string,
): Promise<void> {
  await deps.store.transaction(async (store) => {
    const holder = await findHolder(store, holderName);
    const policy = await findPolicy({ store }, policyArn);
    if (!policy) {
      throw new NoSuchEntity(`Policy ${policyArn} does not exist or is not attachable.`);
    }
    if (!policy.isAttachable) {
      throw new PolicyNotAttachable(`Policy ${policy.arn} is not attachable.`);
    }

    const max = ATTACHED_POLICIES_MAX[holder.kind];
    const attached = await store.holderPolicies.attached(holder, '/', { limit: max + 1 });
    if (attached.some((p) => p.policyId === policy.policyId)) return;
    if (attached.length >= max) {
      throw new LimitExceeded(`Cannot exceed quota for ${QUOTA_NAMES[holder.kind]}: ${max}`);
    }

    await store.holderPolicies.attach(holder, policy.policyId);
  });
}

export async function detachPolicy(
  deps: Deps,
  holderName: HolderName,
  policyArn: string,
): Promise<void> {
  await deps.store.transaction(async (store) => {
    const holder = await findHolder(store, holderName);
    const policy = await requirePolicy({ store }, policyArn);

    if (!(await store.holderPolicies.detach(holder, policy.policyId))) {
      throw noSuchPolicy(policyArn);
    }
  });
}

export async function listAttachedPolicies(
  deps: Deps,
  holderName: HolderName,
  input: PageRequest & { pathPrefix: string },
): Promise<Page<ManagedPolicy>> {
  const holder = await findHolder(deps.store, holderName);
  return pageOf(
    input.maxItems,
    input.marker,
    (after, limit) =>
      deps.store.holderPolicies.attached(holder, input.pathPrefix, { after, limit }),
    (policy) => policy.arn.toLowerCase(),
  );
}
