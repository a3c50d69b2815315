/** Policies and groups as the domain sees them. Times are milliseconds since the epoch. */

/** 'AWS' for AWS-managed policies (arn:aws:iam::aws:policy/...), 'Local' for the account's. */
export type PolicyScope = 'AWS' | 'Local';

export interface ManagedPolicy {
  policyId: string;
  policyName: string;
  path: string;
  arn: string;
  scope: PolicyScope;
  description: string | null;
  defaultVersionId: string;
  isAttachable: boolean;
  /** Users and groups the policy is attached to. */
  attachmentCount: number;
  createdAt: number;
  updatedAt: number;
}

export interface PolicyVersion {
  policyId: string;
  versionId: string;
  /** The document as the caller wrote it (JSON text, not URL-encoded). */
  document: string;
  isDefaultVersion: boolean;
  createdAt: number;
}

/** Who holds attachments and inline policies. */
export interface PolicyHolder {
  kind: 'user' | 'group';
  id: string;
  name: string;
}

export interface InlinePolicy {
  policyName: string;
  document: string;
}

export interface Group {
  groupId: string;
  groupName: string;
  path: string;
  createdAt: number;
}

/**
 * One identity policy that applies to a principal, as authorization reads it. `key` names the
 * source (a managed policy's id and version, or an inline policy's revision), so a policy
 * attached both to a user and to one of their groups is counted once.
 */
export interface PolicySource {
  key: string;
  document: string;
}

export interface PolicyListFilter {
  scope: 'All' | PolicyScope;
  onlyAttached: boolean;
  pathPrefix: string;
}

/** One page of a list, as the caller asked for it. */
export interface PageRequest {
  marker?: string;
  maxItems: number;
}
