/** Entities as the domain sees them. Times are milliseconds since the epoch. */
export interface Tag {
  key: string;
  value: string;
}

export interface User {
  userId: string;
  userName: string;
  path: string;
  createdAt: number;
  passwordLastUsed: number | null;
}

export type AccessKeyStatus = 'Active' | 'Inactive';

export interface AccessKey {
  accessKeyId: string;
  /** null for the account's root key. */
  userId: string | null;
  secretSealed: string;
  status: AccessKeyStatus;
  createdAt: number;
}

export interface LoginProfile {
  userId: string;
  passwordHash: string;
  passwordResetRequired: boolean;
  createdAt: number;
}

export interface MfaDevice {
  serialNumber: string;
  name: string;
  path: string;
  seedSealed: string;
  userId: string | null;
  enabledAt: number | null;
  createdAt: number;
  /** The highest time step ever accepted; any code at or below it is a replay. */
  lastStep: number | null;
  /** Steps between the server's clock and the device's, found at enable or resync. */
  drift: number;
  failedAttempts: number;
  lockouts: number;
  lockedUntil: number;
}

export interface StsSession {
  accessKeyId: string;
  secretSealed: string;
  tokenHash: string;
  /** null when the session belongs to the root user. */
  userId: string | null;
  sourceAccessKeyId: string;
  mfaAuthenticated: boolean;
  mfaAuthenticatedAt: number | null;
  expiresAt: number;
  createdAt: number;
}

export interface Account {
  accountId: string;
  createdAt: number;
  keyCheck: string;
}

export interface Page<T> {
  items: T[];
  /** Set when more items follow: the marker to pass for the next page. */
  marker?: string;
}
