import type { Kysely, Selectable } from 'kysely';

import type { ConsoleSessionTable, Database } from '../schema.js';
import type { ConsoleSessionRecord, ConsoleSessionRepo } from '../store.js';

export class ConsoleSessionRows implements ConsoleSessionRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(session: ConsoleSessionRecord): Promise<void> {
    await this.db
      .insertInto('console_sessions')
      .values({
        token_hash: session.tokenHash,
        user_id: session.userId,
        stage: session.stage,
        mfa_serial: session.mfaSerial,
        mfa_authenticated_at: session.mfaAuthenticatedAt,
        credential_check: session.credentialCheck,
        pending_serial: session.pendingSerial,
        created_at: session.createdAt,
        last_seen_at: session.lastSeenAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async find(tokenHash: string): Promise<ConsoleSessionRecord | undefined> {
    const row = await this.db
      .selectFrom('console_sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && toConsoleSession(row);
  }

  async delete(tokenHash: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('console_sessions')
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async deleteForUser(userId: string | null, keepTokenHash?: string): Promise<number> {
    let query = this.db.deleteFrom('console_sessions');
    query =
      userId === null ? query.where('user_id', 'is', null) : query.where('user_id', '=', userId);
    if (keepTokenHash !== undefined) query = query.where('token_hash', '!=', keepTokenHash);

    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async touch(tokenHash: string, at: number): Promise<void> {
    await this.db
      .updateTable('console_sessions')
      .set({ last_seen_at: at })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async setPendingSerial(tokenHash: string, serialNumber: string | null): Promise<void> {
    await this.db
      .updateTable('console_sessions')
      .set({ pending_serial: serialNumber })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async deleteExpired(now: number, idleSince: number): Promise<number> {
    const result = await this.db
      .deleteFrom('console_sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleSince)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function toConsoleSession(row: Selectable<ConsoleSessionTable>): ConsoleSessionRecord {
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    stage: row.stage === 'signed-in' ? 'signed-in' : 'awaiting-mfa',
    mfaSerial: row.mfa_serial,
    mfaAuthenticatedAt: row.mfa_authenticated_at === null ? null : Number(row.mfa_authenticated_at),
    credentialCheck: row.credential_check,
    pendingSerial: row.pending_serial,
    createdAt: Number(row.created_at),
    lastSeenAt: Number(row.last_seen_at),
    expiresAt: Number(row.expires_at),
  };
}
