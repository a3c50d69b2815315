import type { Kysely } from 'kysely';

import type { AccessKey, AccessKeyStatus, LoginProfile, StsSession } from '../../domain/types.js';
import type { Database } from '../schema.js';
import type { AccessKeyRepo, LoginProfileRepo, StsSessionRepo } from '../store.js';
import { PreparedQuery, type Dialect } from './prepared.js';
import { toAccessKey, toLoginProfile, toStsSession } from './rows.js';

export class LoginProfileRows implements LoginProfileRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(profile: LoginProfile): Promise<boolean> {
    const result = await this.db
      .insertInto('login_profiles')
      .values({
        user_id: profile.userId,
        password_hash: profile.passwordHash,
        reset_required: profile.passwordResetRequired ? 1 : 0,
        created_at: profile.createdAt,
      })
      .onConflict((c) => c.column('user_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async find(userId: string): Promise<LoginProfile | undefined> {
    const row = await this.db
      .selectFrom('login_profiles')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row && toLoginProfile(row);
  }

  async update(
    userId: string,
    change: { passwordHash?: string; resetRequired?: boolean },
  ): Promise<boolean> {
    const values: { password_hash?: string; reset_required?: number } = {};
    if (change.passwordHash !== undefined) values.password_hash = change.passwordHash;
    if (change.resetRequired !== undefined) values.reset_required = change.resetRequired ? 1 : 0;

    let query = this.db.updateTable('login_profiles').where('user_id', '=', userId);
    query = Object.keys(values).length ? query.set(values) : query.set({ user_id: userId });
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(userId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('login_profiles')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

const ACCESS_KEY_BY_ID = new PreparedQuery((db, _: undefined, accessKeyId: string) =>
  db.selectFrom('access_keys').selectAll().where('access_key_id', '=', accessKeyId),
);

const SESSION_BY_KEY_ID = new PreparedQuery((db, _: undefined, accessKeyId: string) =>
  db.selectFrom('sts_sessions').selectAll().where('access_key_id', '=', accessKeyId),
);

const INSERT_SESSION = new PreparedQuery(
  (
    db,
    _: undefined,
    accessKeyId: string,
    secretSealed: string,
    tokenHash: string,
    userId: string | null,
    sourceAccessKeyId: string,
    mfaAuthenticated: number,
    mfaAuthenticatedAt: number | null,
    expiresAt: number,
    createdAt: number,
  ) =>
    db.insertInto('sts_sessions').values({
      access_key_id: accessKeyId,
      secret_sealed: secretSealed,
      token_hash: tokenHash,
      user_id: userId,
      source_access_key_id: sourceAccessKeyId,
      mfa_authenticated: mfaAuthenticated,
      mfa_authenticated_at: mfaAuthenticatedAt,
      expires_at: expiresAt,
      created_at: createdAt,
    }),
);

export class AccessKeyRows implements AccessKeyRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  async insert(key: AccessKey): Promise<void> {
    await this.db
      .insertInto('access_keys')
      .values({
        access_key_id: key.accessKeyId,
        user_id: key.userId,
        secret_sealed: key.secretSealed,
        status: key.status,
        created_at: key.createdAt,
      })
      .execute();
  }

  async find(accessKeyId: string): Promise<AccessKey | undefined> {
    const row = await ACCESS_KEY_BY_ID.first(this.db, this.dialect, undefined, accessKeyId);
    return row && toAccessKey(row);
  }

  async listForUser(userId: string | null): Promise<AccessKey[]> {
    const query = this.db.selectFrom('access_keys').selectAll();
    const rows = await (
      userId === null ? query.where('user_id', 'is', null) : query.where('user_id', '=', userId)
    )
      .orderBy('created_at')
      .orderBy('access_key_id')
      .execute();
    return rows.map(toAccessKey);
  }

  async setStatus(accessKeyId: string, status: AccessKeyStatus): Promise<boolean> {
    const result = await this.db
      .updateTable('access_keys')
      .set({ status })
      .where('access_key_id', '=', accessKeyId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(accessKeyId: string): Promise<boolean> {
    await this.db
      .deleteFrom('sts_sessions')
      .where('source_access_key_id', '=', accessKeyId)
      .execute();
    const result = await this.db
      .deleteFrom('access_keys')
      .where('access_key_id', '=', accessKeyId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

export class StsSessionRows implements StsSessionRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  async insert(session: StsSession): Promise<void> {
    await INSERT_SESSION.execute(
      this.db,
      this.dialect,
      undefined,
      session.accessKeyId,
      session.secretSealed,
      session.tokenHash,
      session.userId,
      session.sourceAccessKeyId,
      session.mfaAuthenticated ? 1 : 0,
      session.mfaAuthenticatedAt,
      session.expiresAt,
      session.createdAt,
    );
  }

  async find(accessKeyId: string): Promise<StsSession | undefined> {
    const row = await SESSION_BY_KEY_ID.first(this.db, this.dialect, undefined, accessKeyId);
    return row && toStsSession(row);
  }

  async deleteExpired(now: number): Promise<number> {
    const result = await this.db
      .deleteFrom('sts_sessions')
      .where('expires_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
