import { groupArn } from '../../domain/arn.js';
import type { Group, ManagedPolicy, PolicyVersion } from '../../domain/policies/types.js';
import type { Tag } from '../../domain/types.js';
import type { ActionContext } from '../action.js';
import { isoTime, type XmlValue } from '../xml.js';
import { tagsXml } from './common.js';

/**
 * IAM returns policy documents percent-encoded (RFC 3986: everything but letters, digits and
 * -._~), and botocore decodes them before parsing the JSON.
 */
export function encodedDocument(document: string): string {
  return encodeURIComponent(document).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The Policy shape. Description and tags are in GetPolicy and CreatePolicy, not in lists. */
export function policyXml(policy: ManagedPolicy, details?: { tags: Tag[] }): XmlValue {
  return {
    PolicyName: policy.policyName,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: policy.attachmentCount,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: policy.isAttachable,
    Description: details ? (policy.description ?? undefined) : undefined,
    CreateDate: isoTime(policy.createdAt),
    UpdateDate: isoTime(policy.updatedAt),
    Tags: details && details.tags.length > 0 ? tagsXml(details.tags) : undefined,
  };
}

/** The PolicyVersion shape; only GetPolicyVersion carries the document. */
export function policyVersionXml(version: PolicyVersion, withDocument: boolean): XmlValue {
  return {
    Document: withDocument ? encodedDocument(version.document) : undefined,
    VersionId: version.versionId,
    IsDefaultVersion: version.isDefaultVersion,
    CreateDate: isoTime(version.createdAt),
  };
}

export function attachedPolicyXml(policy: ManagedPolicy): XmlValue {
  return { PolicyName: policy.policyName, PolicyArn: policy.arn };
}

export function groupXml(ctx: ActionContext, group: Group): XmlValue {
  return {
    Path: group.path,
    GroupName: group.groupName,
    GroupId: group.groupId,
    Arn: groupArn(ctx.deps.settings.accountId, group.path, group.groupName),
    CreateDate: isoTime(group.createdAt),
  };
}

/** The group ARN an action on `groupName` is authorized against, path included when known. */
export async function groupResource(ctx: ActionContext, groupName: string): Promise<string> {
  const group = await ctx.deps.store.groups.findByName(groupName);
  return groupArn(ctx.deps.settings.accountId, group?.path ?? '/', group?.groupName ?? groupName);
}
