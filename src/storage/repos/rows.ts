import type { Selectable } from 'kysely';

import type {
  AccessKey,
  AccessKeyStatus,
  LoginProfile,
  MfaDevice,
  StsSession,
  User,
} from '../../domain/types.js';
import type {
  AccessKeyTable,
  LoginProfileTable,
  MfaDeviceTable,
  StsSessionTable,
  UserTable,
} from '../schema.js';

/** Row ↔ entity mapping, kept by hand: it is on every request and a plugin would walk each row. */
export function toUser(row: Selectable<UserTable>): User {
  return {
    userId: row.user_id,
    userName: row.user_name,
    path: row.path,
    createdAt: Number(row.created_at),
    passwordLastUsed: row.password_last_used === null ? null : Number(row.password_last_used),
  };
}

export function toAccessKey(row: Selectable<AccessKeyTable>): AccessKey {
  return {
    accessKeyId: row.access_key_id,
    userId: row.user_id,
    secretSealed: row.secret_sealed,
    status: row.status as AccessKeyStatus,
    createdAt: Number(row.created_at),
  };
}

export function toLoginProfile(row: Selectable<LoginProfileTable>): LoginProfile {
  return {
    userId: row.user_id,
    passwordHash: row.password_hash,
    passwordResetRequired: row.reset_required === 1,
    createdAt: Number(row.created_at),
  };
}

export function toMfaDevice(row: Selectable<MfaDeviceTable>): MfaDevice {
  return {
    serialNumber: row.serial_number,
    name: row.name,
    path: row.path,
    seedSealed: row.seed_sealed,
    userId: row.user_id,
    enabledAt: row.enabled_at === null ? null : Number(row.enabled_at),
    createdAt: Number(row.created_at),
    lastStep: row.last_step === null ? null : Number(row.last_step),
    drift: row.drift,
    failedAttempts: row.failed_attempts,
    lockouts: row.lockouts,
    lockedUntil: Number(row.locked_until),
  };
}

export function toStsSession(row: Selectable<StsSessionTable>): StsSession {
  return {
    accessKeyId: row.access_key_id,
    secretSealed: row.secret_sealed,
    tokenHash: row.token_hash,
    userId: row.user_id,
    sourceAccessKeyId: row.source_access_key_id,
    mfaAuthenticated: row.mfa_authenticated === 1,
    mfaAuthenticatedAt: row.mfa_authenticated_at === null ? null : Number(row.mfa_authenticated_at),
    expiresAt: Number(row.expires_at),
    createdAt: Number(row.created_at),
  };
}
