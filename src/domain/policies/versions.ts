import type { Deps } from '../context.js';
import { DeleteConflict, LimitExceeded, NoSuchEntity } from '../errors.js';
import { pageOf } from '../paging.js';
import type { Page } from '../types.js';
import { validateManagedDocument } from './documents.js';
import { VERSIONS_PER_POLICY_MAX } from './limits.js';
import { requireLocalPolicy, requirePolicy } from './managed.js';
import type { PageRequest, PolicyVersion } from './types.js';

function noSuchVersion(arn: string, versionId: string): NoSuchEntity {
  return new NoSuchEntity(`Policy ${arn} version ${versionId} does not exist.`);
}

export async function getPolicyVersion(
  deps: Deps,
  input: { policyArn: string; versionId: string },
): Promise<PolicyVersion> {
  const policy = await requirePolicy(deps, input.policyArn);

  const version = await deps.store.policies.findVersion(policy.policyId, input.versionId);
  if (!version) throw noSuchVersion(policy.arn, input.versionId);
  return version;
}

/** Newest version first. */
export async function listPolicyVersions(
  deps: Deps,
  policyArn: string,
  page: PageRequest,
): Promise<Page<PolicyVersion>> {
  const policy = await requirePolicy(deps, policyArn);
  return pageOf(
    page.maxItems,
    page.marker,
    (after, limit) => deps.store.policies.listVersions(policy.policyId, { after, limit }),
    (version) => version.versionId.slice(1),
  );
}

export async function createPolicyVersion(
  deps: Deps,
  input: { policyArn: string; document: string; setAsDefault: boolean },
): Promise<PolicyVersion> {
  validateManagedDocument(input.document);

  return deps.store.transaction(async (store) => {
    const policy = await requireLocalPolicy({ store }, input.policyArn);
    if ((await store.policies.countVersions(policy.policyId)) >= VERSIONS_PER_POLICY_MAX) {
      throw new LimitExceeded(
        `A managed policy can have up to ${VERSIONS_PER_POLICY_MAX} versions. Before you ` +
          'create a new version, you must delete an existing version.',
      );
    }

    const { document, setAsDefault } = input;
    return store.policies.addVersion(policy.policyId, document, deps.clock(), setAsDefault);
  });
}

export async function deletePolicyVersion(
  deps: Deps,
  input: { policyArn: string; versionId: string },
): Promise<void> {
  await deps.store.transaction(async (store) => {
    const policy = await requireLocalPolicy({ store }, input.policyArn);
    if (!(await store.policies.findVersion(policy.policyId, input.versionId))) {
      throw noSuchVersion(policy.arn, input.versionId);
    }
    if (policy.defaultVersionId === input.versionId) {
      throw new DeleteConflict('Cannot delete the default version of a policy.');
    }

    await store.policies.deleteVersion(policy.policyId, input.versionId);
  });
}

export async function setDefaultPolicyVersion(
  deps: Deps,
  input: { policyArn: string; versionId: string },
): Promise<void> {
  await deps.store.transaction(async (store) => {
    const policy = await requireLocalPolicy({ store }, input.policyArn);

    const changed = await store.policies.setDefaultVersion(
      policy.policyId,
      input.versionId,
      deps.clock(),
    );
    if (!changed) throw noSuchVersion(policy.arn, input.versionId);
  });
}
