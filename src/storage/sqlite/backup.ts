import { chmodSync, existsSync, linkSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import SQLite from 'better-sqlite3';

/** A backup that could not be made; the message is for the operator. */
export class BackupError extends Error {}

/**
 * Copies a live SQLite database into `target` (which must not exist yet), while other processes
 * keep using it. VACUUM INTO reads the database in one read transaction, so the copy is the
 * state after some commit, never a mix of two; under WAL that read does not block the server's
 * writes. The copy is built under a temporary name in an owner-only folder, checked, and only
 * then linked into place, so a failed run leaves nothing that looks like a backup.
 */
export function backupSqlite(source: string, target: string): { bytes: number } {
  const from = resolve(source);
  const to = resolve(target);
  if (!existsSync(from)) throw new BackupError(`there is no database at ${from}`);
  if (existsSync(to)) throw new BackupError(`${to} already exists; choose a new file name`);

  const scratch = mkdtempSync(join(dirname(to), '.tessera-backup-'));
  try {
    const partial = join(scratch, 'copy.db');
    copyInto(from, partial);
    check(partial);
    chmodSync(partial, 0o600);
    linkSync(partial, to);
    return { bytes: statSync(to).size };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function copyInto(from: string, partial: string): void {
  const db = new SQLite(from, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(partial);
  } finally {
    db.close();
  }
}

function check(partial: string): void {
  const copy = new SQLite(partial, { readonly: true, fileMustExist: true });
  try {
    const result = copy.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new BackupError(`the copy failed its integrity check: ${result}`);
  } finally {
    copy.close();
  }
}
