import { sql } from 'kysely';

import type { Deps } from '../src/domain/context.js';
import type { KyselyStore } from '../src/storage/kysely-store.js';

/**
 * What the database says the one-time-code loads achieved: sessions marked MFA-authenticated,
 * and pool devices now assigned. After a load these must have grown by exactly the number of
 * successful responses, or a code was accepted without being consumed (or the other way round).
 */
export async function consumedCodes(deps: Deps): Promise<{ sessions: number; enabled: number }> {
  const { db } = deps.store as KyselyStore;
  const sessions = await sql<{ n: number | string }>`
    select count(*) as n from sts_sessions where mfa_authenticated = 1`.execute(db);
  const enabled = await sql<{ n: number | string }>`
    select count(*) as n from mfa_devices
    where name like 'bench-new-%' and user_id is not null`.execute(db);
  return { sessions: Number(sessions.rows[0]!.n), enabled: Number(enabled.rows[0]!.n) };
}
