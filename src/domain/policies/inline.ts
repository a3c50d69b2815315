import { newToken } from '../../core/crypto/index.js';
import type { Deps } from '../context.js';
import { LimitExceeded, NoSuchEntity } from '../errors.js';
import { pageOf } from '../paging.js';
import type { Page } from '../types.js';
import { validatePolicyDocument } from './documents.js';
import { findHolder, type HolderName } from './holders.js';
import { INLINE_POLICIES_MAX_SIZE, policySize } from './limits.js';
import type { InlinePolicy, PageRequest } from './types.js';

// More inline policies than this cannot fit in the size quota, so one read sees them all.
const INLINE_POLICIES_READ_MAX = 10_000;

function noSuchInlinePolicy(holder: HolderName, policyName: string): NoSuchEntity {
  return new NoSuchEntity(`The ${holder.kind} policy with name ${policyName} cannot be found.`);
}

/**
 * PutUserPolicy and PutGroupPolicy: creates or replaces an inline policy. IAM limits the
 * combined size of a holder's inline policies, counted without whitespace.
 */
export async function putInlinePolicy(
  deps: Deps,
  holderName: HolderName,
  policy: InlinePolicy,
): Promise<void> {
  validatePolicyDocument(policy.document);

  await deps.store.transaction(async (store) => {
    const holder = await findHolder(store, holderName);
    const existing = await store.holderPolicies.inline(holder, { limit: INLINE_POLICIES_READ_MAX });
    const others = existing.filter(
      (p) => p.policyName.toLowerCase() !== policy.policyName.toLowerCase(),
    );

    const max = INLINE_POLICIES_MAX_SIZE[holder.kind];
    const total = others.reduce(
      (sum, p) => sum + policySize(p.document),
      policySize(policy.document),
    );
    if (total > max) {
      throw new LimitExceeded(
        `Maximum policy size of ${max} bytes exceeded for ${holder.kind} ${holder.name}`,
      );
    }

    // A fresh revision on every write lets authorization cache the parsed text under it.
    await store.holderPolicies.putInline(holder, policy, newToken(deps.random, 12), deps.clock());
  });
}

export async function getInlinePolicy(
  deps: Deps,
  holderName: HolderName,
  policyName: string,
): Promise<InlinePolicy & { holderName: string }> {
  const holder = await findHolder(deps.store, holderName);

  const policy = await deps.store.holderPolicies.findInline(holder, policyName);
  if (!policy) throw noSuchInlinePolicy(holderName, policyName);
  return { ...policy, holderName: holder.name };
}

export async function listInlinePolicies(
  deps: Deps,
  holderName: HolderName,
  page: PageRequest,
): Promise<Page<InlinePolicy>> {
  const holder = await findHolder(deps.store, holderName);
  return pageOf(
    page.maxItems,
    page.marker,
    (after, limit) => deps.store.holderPolicies.inline(holder, { after, limit }),
    (policy) => policy.policyName.toLowerCase(),
  );
}

export async function deleteInlinePolicy(
  deps: Deps,
  holderName: HolderName,
  policyName: string,
): Promise<void> {
  await deps.store.transaction(async (store) => {
    const holder = await findHolder(store, holderName);

    if (!(await store.holderPolicies.deleteInline(holder, policyName))) {
      throw noSuchInlinePolicy(holderName, policyName);
    }
  });
}
