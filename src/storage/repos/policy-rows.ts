import type { Selectable } from 'kysely';

import type {
  Group,
  ManagedPolicy,
  PolicyScope,
  PolicyVersion,
} from '../../domain/policies/types.js';
import type { GroupTable, ManagedPolicyTable, PolicyVersionTable } from '../schema.js';

/** Row ↔ entity mapping for policies and groups, by hand like rows.ts. */
export function toManagedPolicy(
  row: Selectable<ManagedPolicyTable> & { attachment_count: unknown },
): ManagedPolicy {
  return {
    policyId: row.policy_id,
    policyName: row.policy_name,
    path: row.path,
    arn: row.arn,
    scope: row.scope as PolicyScope,
    description: row.description,
    defaultVersionId: row.default_version,
    isAttachable: Number(row.is_attachable) === 1,
    attachmentCount: Number(row.attachment_count ?? 0),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export function toPolicyVersion(
  row: Selectable<PolicyVersionTable> & { default_version: string },
): PolicyVersion {
  return {
    policyId: row.policy_id,
    versionId: row.version_id,
    document: row.document,
    isDefaultVersion: row.version_id === row.default_version,
    createdAt: Number(row.created_at),
  };
}

export function toGroup(row: Selectable<GroupTable>): Group {
  return {
    groupId: row.group_id,
    groupName: row.group_name,
    path: row.path,
    createdAt: Number(row.created_at),
  };
}
