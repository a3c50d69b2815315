import type { Kysely } from 'kysely';

import type { StatsRepo } from '../audit-store.js';
import type { Database } from '../schema.js';

export class StatsRows implements StatsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async activeConsoleSessions(now: number): Promise<number | undefined> {
    try {
      const row = await this.db
        .selectFrom('console_sessions')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('stage', '=', 'signed-in')
        .where('expires_at', '>', now)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    } catch {
      // A database without the console's table (or briefly unreachable) has no gauge to show.
      return undefined;
    }
  }
}
