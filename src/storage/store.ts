import type {
  AccessKey,
  AccessKeyStatus,
  Account,
  LoginProfile,
  MfaDevice,
  StsSession,
  Tag,
  User,
} from '../domain/types.js';
import type { AuditRepo, StatsRepo } from './audit-store.js';
import type { GroupRepo, HolderPolicyRepo, PolicyRepo } from './policy-store.js';

/**
 * What the domain needs from a database. Every method that checks and changes state in one go
 * (assign, consumeStep, reserveAttempt...) is a single atomic statement, so it holds across
 * concurrent requests and across instances sharing one database.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;

  account: AccountRepo;
  users: UserRepo;
  loginProfiles: LoginProfileRepo;
  accessKeys: AccessKeyRepo;
  mfaDevices: MfaDeviceRepo;
  sessions: StsSessionRepo;
  consoleSessions: ConsoleSessionRepo;
  policies: PolicyRepo;
  groups: GroupRepo;
  holderPolicies: HolderPolicyRepo;
  audit: AuditRepo;
  stats: StatsRepo;
}

export interface ListWindow {
  /** Sort key strictly after which to start (from a previous page's marker). */
  after?: string;
  limit: number;
}

export interface AccountRepo {
  get(): Promise<Account | undefined>;
  /** Inserts the account unless one exists; returns the one that is stored afterwards. */
  create(account: Account): Promise<Account>;
  /** The root user's console password hash, or null while none is set. */
  rootPasswordHash(): Promise<string | null>;
  setRootPasswordHash(hash: string): Promise<boolean>;
}

export interface UserDependents {
  loginProfile: boolean;
  accessKeys: number;
  mfaDevices: number;
  inlinePolicies: number;
  attachedPolicies: number;
  groups: number;
}

export interface UserRepo {
  insert(user: User, tags: Tag[]): Promise<boolean>;
  findByName(userName: string): Promise<User | undefined>;
  /**
   * Holds the user's row until the transaction ends, so quota checks (access keys, devices,
   * groups) and DeleteUser's checks on one user run one at a time across instances.
   */
  lock(userId: string): Promise<void>;
  findById(userId: string): Promise<User | undefined>;
  /** Ordered by lower-cased name; `after` is a lower-cased name. */
  list(pathPrefix: string, window: ListWindow): Promise<User[]>;
  count(): Promise<number>;
  tags(userId: string): Promise<Tag[]>;
  dependents(userId: string): Promise<UserDependents>;
  delete(userId: string): Promise<boolean>;
  update(userId: string, change: { userName?: string; path?: string }): Promise<boolean>;
  touchPasswordUsed(userId: string, at: number): Promise<void>;
}

export interface LoginProfileRepo {
  insert(profile: LoginProfile): Promise<boolean>;
  find(userId: string): Promise<LoginProfile | undefined>;
  update(
    userId: string,
    change: { passwordHash?: string; resetRequired?: boolean },
  ): Promise<boolean>;
  delete(userId: string): Promise<boolean>;
}

export interface AccessKeyRepo {
  insert(key: AccessKey): Promise<void>;
  find(accessKeyId: string): Promise<AccessKey | undefined>;
  listForUser(userId: string | null): Promise<AccessKey[]>;
  setStatus(accessKeyId: string, status: AccessKeyStatus): Promise<boolean>;
  delete(accessKeyId: string): Promise<boolean>;
}

export type AssignmentFilter = 'Assigned' | 'Unassigned' | 'Any';

export interface MfaDeviceRepo {
  insert(device: MfaDevice, tags: Tag[]): Promise<boolean>;
  find(serialNumber: string): Promise<MfaDevice | undefined>;
  /** Ordered by serial number; `after` is a serial number. */
  listForUser(userId: string, window: ListWindow): Promise<MfaDevice[]>;
  listVirtual(filter: AssignmentFilter, window: ListWindow): Promise<MfaDevice[]>;
  countForUser(userId: string): Promise<number>;

  /** Binds an unassigned device whose last used step is below `firstStep`. */
  assign(
    serialNumber: string,
    userId: string,
    at: number,
    step: number,
    drift: number,
  ): Promise<boolean>;
  /** Moves an assigned device's last step forward to `step` and records the drift. */
  resync(serialNumber: string, userId: string, step: number, drift: number): Promise<boolean>;
  unassign(serialNumber: string, userId: string): Promise<boolean>;
  /** Deletes an unassigned device. */
  deleteUnassigned(serialNumber: string): Promise<boolean>;

  /**
   * Takes one attempt from the device's budget: succeeds only while the device is not locked and
   * has attempts left, and returns the device as it stands after the increment.
   */
  reserveAttempt(
    serialNumber: string,
    now: number,
    maxAttempts: number,
  ): Promise<MfaDevice | undefined>;
  /** Locks a device whose budget is spent and starts a fresh budget after the lock. */
  lockIfSpent(serialNumber: string, maxAttempts: number, lockedUntil: number): Promise<boolean>;
  /**
   * Records `step` as used when the device is assigned and the step is later than any used
   * before; false means a replay, or a device deactivated meanwhile.
   */
  consumeStep(serialNumber: string, step: number): Promise<boolean>;

  tags(serialNumber: string): Promise<Tag[]>;
  /**
   * Adds or replaces tags of a device that exists (false when it does not). Within a transaction
   * it holds the device until the end, so the device cannot be deleted with these tags left.
   */
  putTags(serialNumber: string, tags: Tag[]): Promise<boolean>;
  removeTags(serialNumber: string, keys: string[]): Promise<void>;
}

export interface StsSessionRepo {
  insert(session: StsSession): Promise<void>;
  find(accessKeyId: string): Promise<StsSession | undefined>;
  deleteExpired(now: number): Promise<number>;
}

/** A console sign-in as stored: the cookie's token is never stored, only its SHA-256. */
export interface ConsoleSessionRecord {
  tokenHash: string;
  /** null for the root user. */
  userId: string | null;
  stage: 'awaiting-mfa' | 'signed-in';
  /** The device the prompt asks for, or the one that signed the session in. */
  mfaSerial: string | null;
  mfaAuthenticatedAt: number | null;
  /** A digest of the password hash the session was opened with: a new password ends it. */
  credentialCheck: string;
  /** The device an unfinished "Assign MFA device" wizard created. */
  pendingSerial: string | null;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

export interface ConsoleSessionRepo {
  insert(session: ConsoleSessionRecord): Promise<void>;
  find(tokenHash: string): Promise<ConsoleSessionRecord | undefined>;
  /** False when the session was already gone, so of two racing replacements one wins. */
  delete(tokenHash: string): Promise<boolean>;
  /** Ends every session of a user (the root user when null), except the one kept. */
  deleteForUser(userId: string | null, keepTokenHash?: string): Promise<number>;
  touch(tokenHash: string, at: number): Promise<void>;
  setPendingSerial(tokenHash: string, serialNumber: string | null): Promise<void>;
  /** Removes sessions past their absolute expiry or idle since before `idleSince`. */
  deleteExpired(now: number, idleSince: number): Promise<number>;
}
