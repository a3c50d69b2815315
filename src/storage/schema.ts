import type { Generated } from 'kysely';

/**
 * The tables as Kysely sees them. Times are integers (ms since the epoch) and flags 0/1, so one
 * schema reads the same on SQLite and PostgreSQL.
 */
export interface AccountTable {
  /** Always 1: a database holds exactly one account. */
  id: number;
  account_id: string;
  created_at: number;
  key_check: string;
  /** The root user's console password (scrypt), or null until one is set. */
  root_password_hash: string | null;
}

export interface UserTable {
  user_id: string;
  user_name: string;
  user_name_lower: string;
  path: string;
  created_at: number;
  password_last_used: number | null;
}

export interface TagTable {
  owner: string;
  tag_key: string;
  tag_key_lower: string;
  tag_value: string;
  position: Generated<number>;
}

export interface LoginProfileTable {
  user_id: string;
  password_hash: string;
  reset_required: number;
  created_at: number;
}

export interface AccessKeyTable {
  access_key_id: string;
  user_id: string | null;
  secret_sealed: string;
  status: string;
  created_at: number;
}

export interface MfaDeviceTable {
  serial_number: string;
  serial_lower: string;
  name: string;
  path: string;
  seed_sealed: string;
  user_id: string | null;
  enabled_at: number | null;
  created_at: number;
  last_step: number | null;
  drift: number;
  failed_attempts: number;
  lockouts: number;
  locked_until: number;
}

export interface StsSessionTable {
  access_key_id: string;
  secret_sealed: string;
  token_hash: string;
  user_id: string | null;
  source_access_key_id: string;
  mfa_authenticated: number;
  mfa_authenticated_at: number | null;
  expires_at: number;
  created_at: number;
}

export interface ManagedPolicyTable {
  policy_id: string;
  /** 'AWS' for the seeded AWS-managed policies, 'Local' for the account's own. */
  scope: string;
  policy_name: string;
  policy_name_lower: string;
  path: string;
  arn: string;
  arn_lower: string;
  description: string | null;
  default_version: string;
  /** The number the next version gets: version ids are never reused. */
  next_version: number;
  is_attachable: number;
  created_at: number;
  updated_at: number;
}

export interface PolicyVersionTable {
  policy_id: string;
  version_id: string;
  version_number: number;
  document: string;
  created_at: number;
}

export interface GroupTable {
  group_id: string;
  group_name: string;
  group_name_lower: string;
  path: string;
  created_at: number;
}

export interface GroupMemberTable {
  group_id: string;
  user_id: string;
}

/** Attachments and inline policies belong to a holder: a user or a group. */
export interface PolicyAttachmentTable {
  holder_kind: string;
  holder_id: string;
  policy_id: string;
}

export interface InlinePolicyTable {
  holder_kind: string;
  holder_id: string;
  policy_name: string;
  policy_name_lower: string;
  document: string;
  revision: string;
  updated_at: number;
}

export interface ConsoleSessionTable {
  token_hash: string;
  /** null for the root user. */
  user_id: string | null;
  stage: string;
  mfa_serial: string | null;
  mfa_authenticated_at: number | null;
  credential_check: string;
  pending_serial: string | null;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export interface AuditEventTable {
  seq: Generated<number>;
  event_id: string;
  event_time: number;
  event_source: string;
  event_name: string;
  /** The caller's user name in lower case ("root" for the root user), for filtering. */
  user_key: string | null;
  failed: number;
  /** The CloudTrail-shaped event as JSON. */
  record: string;
}

export interface Database {
  account: AccountTable;
  users: UserTable;
  user_tags: TagTable;
  login_profiles: LoginProfileTable;
  access_keys: AccessKeyTable;
  mfa_devices: MfaDeviceTable;
  mfa_device_tags: TagTable;
  sts_sessions: StsSessionTable;
  managed_policies: ManagedPolicyTable;
  policy_versions: PolicyVersionTable;
  policy_tags: TagTable;
  groups: GroupTable;
  group_members: GroupMemberTable;
  policy_attachments: PolicyAttachmentTable;
  inline_policies: InlinePolicyTable;
  console_sessions: ConsoleSessionTable;
  audit_events: AuditEventTable;
}
