import type { AuditEvent } from '../domain/audit/event.js';

/** What `tessera audit` can ask for, in the manner of CloudTrail's LookupEvents. */
export interface AuditFilter {
  /** Milliseconds since the epoch; events at or after it. */
  since?: number;
  /** The caller's user name ("root" for the root user), in any case. */
  userName?: string;
  eventName?: string;
  /** Only refused or failed calls (an errorCode, or a failed sign-in). */
  failed?: boolean;
  /** The newest this many matching events. */
  limit: number;
}

/** The audit trail: written once per event, never changed. */
export interface AuditRepo {
  /** Stores an event; `at` is its time in milliseconds, for ordering and filtering. */
  insert(event: AuditEvent, at: number): Promise<void>;
  /**
   * Queues the event of a call that changed nothing, to be written within a few milliseconds with
   * others, outside the caller's transaction. Resolves at once, with the error that lost an
   * earlier batch (once), so the caller can report it.
   */
  insertSoon(event: AuditEvent, at: number): Promise<unknown>;
  /** Matching events, oldest first; events still queued are written first. */
  list(filter: AuditFilter): Promise<AuditEvent[]>;
}

/** Counts the operator's dashboards read; cheap queries only. */
export interface StatsRepo {
  /** Signed-in console sessions not yet expired; undefined while the console's table is absent. */
  activeConsoleSessions(now: number): Promise<number | undefined>;
}
