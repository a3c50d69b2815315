import type { Kysely } from 'kysely';

import { isFailure, type AuditEvent } from '../../domain/audit/event.js';
import type { AuditFilter, AuditRepo } from '../audit-store.js';
import type { Database } from '../schema.js';

export class AuditRows implements AuditRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(event: AuditEvent, at: number): Promise<void> {
    await this.db
      .insertInto('audit_events')
      .values({
        event_id: event.eventID,
        event_time: at,
        event_source: event.eventSource,
        event_name: event.eventName,
        user_key: userKey(event),
        failed: isFailure(event) ? 1 : 0,
        record: JSON.stringify(event),
      })
      .execute();
  }

  async list(filter: AuditFilter): Promise<AuditEvent[]> {
    let query = this.db.selectFrom('audit_events').select('record');
    if (filter.since !== undefined) query = query.where('event_time', '>=', filter.since);
    if (filter.userName !== undefined) {
      query = query.where('user_key', '=', filter.userName.toLowerCase());
    }
    if (filter.eventName !== undefined) query = query.where('event_name', '=', filter.eventName);
    if (filter.failed) query = query.where('failed', '=', 1);

    const rows = await query.orderBy('seq', 'desc').limit(filter.limit).execute();
    return rows.reverse().map((row) => JSON.parse(row.record) as AuditEvent);
  }
}

/** LookupEvents names the root user "root"; IAM user names match in any case, as in IAM. */
function userKey(event: AuditEvent): string | null {
  if (event.userIdentity.type === 'Root') return 'root';
  return event.userIdentity.userName?.toLowerCase() ?? null;
}
