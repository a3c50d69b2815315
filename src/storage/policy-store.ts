import type {
  Group,
  InlinePolicy,
  ManagedPolicy,
  PolicyHolder,
  PolicyListFilter,
  PolicySource,
  PolicyVersion,
} from '../domain/policies/types.js';
import type { Tag, User } from '../domain/types.js';
import type { ListWindow } from './store.js';

/** A user or a group, as the storage layer needs to know it. */
export type HolderRef = Pick<PolicyHolder, 'kind' | 'id'>;

/** Managed policies and their versions. */
export interface PolicyRepo {
  /** Inserts a policy with its first (default) version; false when the name is taken. */
  insert(policy: ManagedPolicy, version: PolicyVersion, tags: Tag[]): Promise<boolean>;
  /** Looks a policy up by ARN, regardless of case. */
  findByArn(arn: string): Promise<ManagedPolicy | undefined>;
  /** Ordered by lower-cased ARN; `after` is a lower-cased ARN. */
  list(filter: PolicyListFilter, window: ListWindow): Promise<ManagedPolicy[]>;
  tags(policyId: string): Promise<Tag[]>;
  /** Deletes a policy with its versions and tags. */
  delete(policyId: string): Promise<boolean>;

  findVersion(policyId: string, versionId: string): Promise<PolicyVersion | undefined>;
  /** Newest first; `after` is a version number, as text. */
  listVersions(policyId: string, window: ListWindow): Promise<PolicyVersion[]>;
  countVersions(policyId: string): Promise<number>;
  /** Adds a version under the next unused number (ids are never reused) and returns it. */
  addVersion(
    policyId: string,
    document: string,
    at: number,
    setAsDefault: boolean,
  ): Promise<PolicyVersion>;
  /** Deletes a version that is not the default. */
  deleteVersion(policyId: string, versionId: string): Promise<boolean>;
  /** Makes an existing version the default. */
  setDefaultVersion(policyId: string, versionId: string, at: number): Promise<boolean>;
}

export interface GroupRepo {
  insert(group: Group): Promise<boolean>;
  findByName(groupName: string): Promise<Group | undefined>;
  /** Ordered by lower-cased name; `after` is a lower-cased name. */
  list(pathPrefix: string, window: ListWindow): Promise<Group[]>;
  delete(groupId: string): Promise<boolean>;

  /** Adds a member; adding one twice is not an error, as in IAM. */
  addMember(groupId: string, userId: string): Promise<void>;
  removeMember(groupId: string, userId: string): Promise<boolean>;
  /** Ordered by lower-cased user name; `after` is a lower-cased user name. */
  members(groupId: string, window: ListWindow): Promise<User[]>;
  countMembers(groupId: string): Promise<number>;
  /** Ordered by lower-cased group name; `after` is a lower-cased group name. */
  groupsOf(userId: string, window: ListWindow): Promise<Group[]>;
  countGroupsOf(userId: string): Promise<number>;
}

/** What users and groups hold: attached managed policies and inline policies. */
export interface HolderPolicyRepo {
  /** Attaches a policy; attaching it twice is not an error, as in IAM. */
  attach(holder: HolderRef, policyId: string): Promise<void>;
  detach(holder: HolderRef, policyId: string): Promise<boolean>;
  /** Ordered by lower-cased ARN; `after` is a lower-cased ARN. */
  attached(holder: HolderRef, pathPrefix: string, window: ListWindow): Promise<ManagedPolicy[]>;
  countAttached(holder: HolderRef): Promise<number>;

  /** Creates or replaces an inline policy; `revision` must be new for every write. */
  putInline(holder: HolderRef, policy: InlinePolicy, revision: string, at: number): Promise<void>;
  findInline(holder: HolderRef, policyName: string): Promise<InlinePolicy | undefined>;
  /** Ordered by lower-cased name; `after` is a lower-cased name. */
  inline(holder: HolderRef, window: ListWindow): Promise<InlinePolicy[]>;
  deleteInline(holder: HolderRef, policyName: string): Promise<boolean>;
  countInline(holder: HolderRef): Promise<number>;

  /**
   * Every policy that applies to a user: its inline and attached policies and those of its
   * groups, attached ones in their default version.
   */
  sourcesFor(userId: string): Promise<PolicySource[]>;
}
