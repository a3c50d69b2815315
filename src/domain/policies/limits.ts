/**
 * IAM's default quotas for policies and groups (IAM User Guide, "IAM and AWS STS quotas").
 * Policy sizes are counted in characters without whitespace, as IAM counts them.
 */
export const MANAGED_POLICY_MAX_SIZE = 6144;
export const INLINE_POLICIES_MAX_SIZE = { user: 2048, group: 5120 } as const;
export const ATTACHED_POLICIES_MAX = { user: 10, group: 10 } as const;
export const VERSIONS_PER_POLICY_MAX = 5;
export const GROUPS_PER_USER_MAX = 10;

export function policySize(document: string): number {
  return document.replace(/\s/g, '').length;
}
