import { newId } from '../../core/crypto/index.js';
import { policyArn } from '../arn.js';
import type { Deps } from '../context.js';
import {
  AccessDenied,
  DeleteConflict,
  EntityAlreadyExists,
  InvalidInput,
  NoSuchEntity,
} from '../errors.js';
import { pageOf } from '../paging.js';
import type { Page, Tag } from '../types.js';
import { validateManagedDocument } from './documents.js';
import type { ManagedPolicy, PageRequest, PolicyListFilter } from './types.js';

const POLICY_ARN = /^arn:aws:iam::(\d{12}|aws):policy\/.+$/;

export function noSuchPolicy(arn: string): NoSuchEntity {
  return new NoSuchEntity(`Policy ${arn} was not found.`);
}

/** The policy an ARN names, if any; a string that is no policy ARN is InvalidInput, as in IAM. */
export async function findPolicy(
  deps: Pick<Deps, 'store'>,
  arn: string,
): Promise<ManagedPolicy | undefined> {
  if (!POLICY_ARN.test(arn)) throw new InvalidInput(`ARN ${arn} is not valid.`);
  return deps.store.policies.findByArn(arn);
}

export async function requirePolicy(
  deps: Pick<Deps, 'store'>,
  arn: string,
): Promise<ManagedPolicy> {
  const policy = await findPolicy(deps, arn);
  if (!policy) throw noSuchPolicy(arn);
  return policy;
}

/** AWS-managed policies are AWS's to change, never the account's. */
export async function requireLocalPolicy(
  deps: Pick<Deps, 'store'>,
  arn: string,
): Promise<ManagedPolicy> {
  const policy = await requirePolicy(deps, arn);
  if (policy.scope === 'AWS') {
    throw new AccessDenied(`AWS-managed policy ${policy.arn} cannot be changed or deleted.`);
  }
  return policy;
}

export interface NewPolicy {
  policyName: string;
  path: string;
  document: string;
  description?: string;
  tags: Tag[];
}

export async function createPolicy(deps: Deps, input: NewPolicy): Promise<ManagedPolicy> {
  validateManagedDocument(input.document);

  const now = deps.clock();
  const policy: ManagedPolicy = {
    policyId: newId(deps.random, 'ANPA'),
    policyName: input.policyName,
    path: input.path,
    arn: policyArn(deps.settings.accountId, input.path, input.policyName),
    scope: 'Local',
    description: input.description ?? null,
    defaultVersionId: 'v1',
    isAttachable: true,
    attachmentCount: 0,
    createdAt: now,
    updatedAt: now,
  };
  const version = {
    policyId: policy.policyId,
    versionId: 'v1',
    document: input.document,
    isDefaultVersion: true,
    createdAt: now,
  };

  const inserted = await deps.store.transaction((store) =>
    store.policies.insert(policy, version, input.tags),
  );
  if (!inserted) {
    throw new EntityAlreadyExists(
      `A policy called ${input.policyName} already exists. Duplicate names are not allowed.`,
    );
  }
  return policy;
}

export async function getPolicy(
  deps: Deps,
  arn: string,
): Promise<{ policy: ManagedPolicy; tags: Tag[] }> {
  const policy = await requirePolicy(deps, arn);
  return { policy, tags: await deps.store.policies.tags(policy.policyId) };
}

export async function listPolicies(
  deps: Deps,
  input: PageRequest & PolicyListFilter & { usage?: string },
): Promise<Page<ManagedPolicy>> {
  // Tessera has no permissions boundaries, so no policy is in use as one.
  if (input.usage === 'PermissionsBoundary') return { items: [] };

  return pageOf(
    input.maxItems,
    input.marker,
    (after, limit) => deps.store.policies.list(input, { after, limit }),
    (policy) => policy.arn.toLowerCase(),
  );
}

/** IAM deletes a policy only once it is detached everywhere and down to its default version. */
export async function deletePolicy(deps: Deps, arn: string): Promise<void> {
  await deps.store.transaction(async (store) => {
    const policy = await requireLocalPolicy({ store }, arn);

    if (policy.attachmentCount > 0) {
      throw new DeleteConflict('Cannot delete a policy attached to entities.');
    }
    if ((await store.policies.countVersions(policy.policyId)) > 1) {
      throw new DeleteConflict(
        'This policy has more than one version. Before you delete a policy, you must delete the ' +
          "policy's versions. The default version is deleted with the policy.",
      );
    }

    await store.policies.delete(policy.policyId);
  });
}
