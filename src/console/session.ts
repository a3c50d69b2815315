import type { FastifyReply, FastifyRequest } from 'fastify';

import { newToken, safeEqual, sha256Hex } from '../core/crypto/index.js';
import type { Deps } from '../domain/context.js';
import type { User } from '../domain/types.js';
import type { ConsoleSessionRecord } from '../storage/store.js';
import { clearCookie, readCookie, SESSION_COOKIE, setCookie } from './cookies.js';

/** How long a session lives: since the last request (idle) and since it began (absolute). */
export const SESSION_LIMITS = {
  'awaiting-mfa': { idleMs: 5 * 60_000, absoluteMs: 10 * 60_000 },
  'signed-in': { idleMs: 60 * 60_000, absoluteMs: 12 * 60 * 60_000 },
} as const;

/** A busy page touches its session at most this often, to spare the database a write each time. */
const TOUCH_EVERY_MS = 60_000;

export interface ConsoleSession {
  token: string;
  record: ConsoleSessionRecord;
  /** null for the root user. */
  user: User | null;
  /** Set when an administrator asked for a new password at the next sign-in. */
  mustChangePassword: boolean;
}

export interface NewSession {
  /** null for the root user. */
  user: User | null;
  stage: ConsoleSessionRecord['stage'];
  mfaSerial: string | null;
  mfaAuthenticatedAt: number | null;
  passwordHash: string;
}

/** A digest of the password hash in force: the session ends when the password changes. */
function credentialCheck(passwordHash: string): string {
  return sha256Hex(`console-credential:${passwordHash}`);
}

/**
 * Starts a session with a fresh token and sets its cookie. The session it replaces (the one
 * before the password, or before the MFA code) is deleted first, and only one of two racing
 * replacements succeeds, so a token known before a step never works after it.
 */
export async function openSession(
  deps: Deps,
  reply: FastifyReply,
  fields: NewSession,
  replacing?: ConsoleSession,
): Promise<ConsoleSession | undefined> {
  if (replacing && !(await deps.store.consoleSessions.delete(replacing.record.tokenHash))) {
    return undefined;
  }

  const now = deps.clock();
  const limits = SESSION_LIMITS[fields.stage];
  const token = newToken(deps.random);
  const record: ConsoleSessionRecord = {
    tokenHash: sha256Hex(token),
    userId: fields.user?.userId ?? null,
    stage: fields.stage,
    mfaSerial: fields.mfaSerial,
    mfaAuthenticatedAt: fields.mfaAuthenticatedAt,
    credentialCheck: credentialCheck(fields.passwordHash),
    pendingSerial: null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + limits.absoluteMs,
  };
  await deps.store.consoleSessions.insert(record);

  setCookie(reply, SESSION_COOKIE, token, limits.absoluteMs / 1000);
  return { token, record, user: fields.user, mustChangePassword: false };
}

/**
 * Gives the current session a new token after a change to the credentials it stands on (a new
 * password, a removed device). The absolute expiry is kept: rotating never lengthens a session.
 */
export async function rotateSession(
  deps: Deps,
  reply: FastifyReply,
  current: ConsoleSession,
  change: { passwordHash?: string; mfaSerial?: string | null },
): Promise<ConsoleSession> {
  await deps.store.consoleSessions.delete(current.record.tokenHash);

  const token = newToken(deps.random);
  const record: ConsoleSessionRecord = {
    ...current.record,
    tokenHash: sha256Hex(token),
    mfaSerial: change.mfaSerial === undefined ? current.record.mfaSerial : change.mfaSerial,
    credentialCheck:
      change.passwordHash === undefined
        ? current.record.credentialCheck
        : credentialCheck(change.passwordHash),
    pendingSerial: null,
    lastSeenAt: deps.clock(),
  };
  await deps.store.consoleSessions.insert(record);

  setCookie(reply, SESSION_COOKIE, token, (record.expiresAt - deps.clock()) / 1000);
  return { ...current, token, record };
}

/** A new sign-in ends whatever session the browser held before, whatever its stage. */
export async function dropPreviousSession(deps: Deps, request: FastifyRequest): Promise<void> {
  const token = readCookie(request, SESSION_COOKIE);
  if (token !== undefined) await deps.store.consoleSessions.delete(sha256Hex(token));
}

/** The session the request's cookie names, if it is live and its credentials still stand. */
export async function loadSession(
  deps: Deps,
  request: FastifyRequest,
): Promise<ConsoleSession | undefined> {
  const token = readCookie(request, SESSION_COOKIE);
  if (token === undefined) return undefined;

  const record = await deps.store.consoleSessions.find(sha256Hex(token));
  if (!record) return undefined;

  const now = deps.clock();
  const standing = await stillValid(deps, record, now);
  if (standing === undefined) {
    await deps.store.consoleSessions.delete(record.tokenHash);
    return undefined;
  }

  if (now - record.lastSeenAt >= TOUCH_EVERY_MS) {
    await deps.store.consoleSessions.touch(record.tokenHash, now);
  }
  return { token, record, ...standing };
}

type Standing = Pick<ConsoleSession, 'user' | 'mustChangePassword'>;

/** Who the session stands for, or undefined when it must end. */
async function stillValid(
  deps: Deps,
  record: ConsoleSessionRecord,
  now: number,
): Promise<Standing | undefined> {
  const limits = SESSION_LIMITS[record.stage];
  if (now >= record.expiresAt || now - record.lastSeenAt >= limits.idleMs) return undefined;

  if (record.userId === null) {
    const hash = await deps.store.account.rootPasswordHash();
    if (hash === null || !sameCredential(record, hash)) return undefined;
    return { user: null, mustChangePassword: false };
  }

  const user = await deps.store.users.findById(record.userId);
  const profile = user && (await deps.store.loginProfiles.find(user.userId));
  if (!user || !profile || !sameCredential(record, profile.passwordHash)) return undefined;

  // A session that proved a device ends when that device is taken away from the user.
  if (record.mfaSerial !== null && record.stage === 'signed-in') {
    const device = await deps.store.mfaDevices.find(record.mfaSerial);
    if (device?.userId !== user.userId) return undefined;
  }
  return { user, mustChangePassword: profile.passwordResetRequired };
}

function sameCredential(record: ConsoleSessionRecord, passwordHash: string): boolean {
  return safeEqual(record.credentialCheck, credentialCheck(passwordHash));
}

/** Sign-out: the row goes, so the token is dead on every instance, and the cookie is cleared. */
export async function endSession(
  deps: Deps,
  reply: FastifyReply,
  session: ConsoleSession | undefined,
): Promise<void> {
  if (session) await deps.store.consoleSessions.delete(session.record.tokenHash);
  clearCookie(reply, SESSION_COOKIE);
}

/** Ends the user's other sessions after a change of password or devices. */
export async function endOtherSessions(
  deps: Deps,
  userId: string | null,
  keep?: ConsoleSession,
): Promise<void> {
  await deps.store.consoleSessions.deleteForUser(userId, keep?.record.tokenHash);
}

/** Old rows are swept now and then; a live check never relies on the sweep. */
export async function sweepSessions(deps: Deps): Promise<void> {
  const now = deps.clock();
  await deps.store.consoleSessions.deleteExpired(now, now - SESSION_LIMITS['signed-in'].idleMs);
}
