import { CompiledQuery, type Kysely } from 'kysely';

import { isFailure, type AuditEvent } from '../../domain/audit/event.js';
import type { AuditFilter, AuditRepo } from '../audit-store.js';
import type { Database } from '../schema.js';
import { pageLimit } from './limit.js';

/** How long a queued event may wait, and how many make a batch worth writing at once. */
const BATCH_DELAY_MS = 5;
const BATCH_SIZE = 256;

type Queued = { event: AuditEvent; at: number };

export class AuditRows implements AuditRepo {
  /** The insert, compiled once: only its parameters differ from one event to the next. */
  private insertSql?: string;

  /**
   * `batch` is the root store's, shared with every transaction's repo; `root` says this repo is
   * not inside a transaction, so it may wait for the batch (which writes through its own one).
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly batch: AuditBatch,
    private readonly root: boolean,
  ) {}

  async insert(event: AuditEvent, at: number): Promise<void> {
    await this.db.executeQuery(CompiledQuery.raw(this.sql(), rowOf(event, at)));
  }

  insertSoon(event: AuditEvent, at: number): Promise<unknown> {
    return Promise.resolve(this.batch.add({ event, at }));
  }

  async list(filter: AuditFilter): Promise<AuditEvent[]> {
    if (this.root) await this.batch.flush();
    let query = this.db.selectFrom('audit_events').select('record');
    if (filter.since !== undefined) query = query.where('event_time', '>=', filter.since);
    if (filter.userName !== undefined) {
      query = query.where('user_key', '=', filter.userName.toLowerCase());
    }
    if (filter.eventName !== undefined) query = query.where('event_name', '=', filter.eventName);
    if (filter.failed) query = query.where('failed', '=', 1);

    const rows = await query.orderBy('seq', 'desc').limit(pageLimit(filter.limit)).execute();
    return rows.reverse().map((row) => JSON.parse(row.record) as AuditEvent);
  }

  private sql(): string {
    this.insertSql ??= compileInsert(this.db);
    return this.insertSql;
  }
}

/**
 * Events written a few milliseconds after their call, many to a transaction, so a read-only call
 * pays for no write of its own. Only events of calls that changed nothing come here (see the
 * API's recordApiCall): a crash loses at most the batch still waiting, never an event of a change.
 * A batch that cannot be written is lost as a whole; the error is handed to the next caller of
 * add, so it is reported rather than swallowed.
 */
export class AuditBatch {
  private queued: Queued[] = [];
  private timer?: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  private lost: unknown;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly afterCommit?: () => void,
  ) {}

  /** Queues one event; returns the error that lost an earlier batch, once, if one did. */
  add(item: Queued): unknown {
    this.queued.push(item);
    if (this.queued.length >= BATCH_SIZE) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), BATCH_DELAY_MS).unref();

    const lost = this.lost;
    this.lost = undefined;
    return lost;
  }

  /** Writes everything queued so far; resolves once it is committed (or lost). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const items = this.queued;
    this.queued = [];
    this.writing = this.writing.then(() => this.write(items));
    return this.writing;
  }

  private async write(items: Queued[]): Promise<void> {
    if (items.length === 0) return;
    try {
      await this.db.transaction().execute(async (trx) => {
        const sql = compileInsert(trx);
        for (const { event, at } of items) {
          await trx.executeQuery(CompiledQuery.raw(sql, rowOf(event, at)));
        }
      });
      this.afterCommit?.();
    } catch (error) {
      this.lost = error;
    }
  }
}

const COLUMNS = [
  'event_id',
  'event_time',
  'event_source',
  'event_name',
  'user_key',
  'failed',
  'record',
] as const;

function compileInsert(db: Kysely<Database>): string {
  const placeholders = Object.fromEntries(COLUMNS.map((column) => [column, null]));
  return db
    .insertInto('audit_events')
    .values(placeholders as never)
    .compile().sql;
}

/** The row's values, in the order of COLUMNS. */
function rowOf(event: AuditEvent, at: number): unknown[] {
  const failed = isFailure(event) ? 1 : 0;
  const record = JSON.stringify(event);
  return [event.eventID, at, event.eventSource, event.eventName, userKey(event), failed, record];
}

/** LookupEvents names the root user "root"; IAM user names match in any case, as in IAM. */
function userKey(event: AuditEvent): string | null {
  if (event.userIdentity.type === 'Root') return 'root';
  return event.userIdentity.userName?.toLowerCase() ?? null;
}
