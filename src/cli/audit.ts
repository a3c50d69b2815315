import { existsSync } from 'node:fs';

import { ConfigError, loadConfig } from '../config.js';
import type { AuditEvent } from '../domain/audit/event.js';
import type { AuditFilter } from '../storage/audit-store.js';
import { isPostgresUrl, sqliteFile } from '../storage/index.js';
import type { Flags } from './flags.js';
import { openConfigured } from './migrate.js';
import { UsageError } from './usage.js';

const DEFAULT_LIMIT = 1000;

/**
 * `tessera audit --data DIR [--database URL] [--since ISO] [--user NAME] [--event NAME]
 * [--failed] [--format json|table] [--limit N]`: the audit trail, oldest first, as one
 * CloudTrail-shaped JSON event per line, or as a table for people. Needs no master key: events
 * hold no sealed values.
 */
export async function auditCommand(flags: Flags): Promise<void> {
  const filter = auditFilter(flags);
  const format = flags.format ?? 'json';
  if (format !== 'json' && format !== 'table') {
    throw new UsageError('--format must be json or table');
  }

  const config = loadConfig(flags);
  if (!isPostgresUrl(config.database) && !existsSync(sqliteFile(config.database))) {
    throw new ConfigError(`there is no database at ${config.database}`);
  }
  const store = await openConfigured(config);
  const events = await store.audit.list(filter).finally(() => store.close());

  process.stdout.write(format === 'json' ? jsonLines(events) : table(events));
  if (events.length === filter.limit) {
    process.stderr.write(`(the newest ${filter.limit} matching events; see --limit)\n`);
  }
}

export function auditFilter(flags: Flags): AuditFilter {
  const filter: AuditFilter = { limit: DEFAULT_LIMIT };
  if (flags.since !== undefined) {
    const since = typeof flags.since === 'string' ? Date.parse(flags.since) : NaN;
    if (Number.isNaN(since)) throw new UsageError('--since needs a time such as 2026-01-31T08:00Z');
    filter.since = since;
  }
  if (flags.limit !== undefined) {
    const limit = Number(flags.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a number');
    filter.limit = limit;
  }

  filter.userName = text(flags, 'user');
  filter.eventName = text(flags, 'event');
  filter.failed = flags.failed === true || flags.failed === 'true';
  return filter;
}

function text(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new UsageError(`--${name} needs a value`);
  return value;
}

function jsonLines(events: AuditEvent[]): string {
  return events.map((event) => `${JSON.stringify(event)}\n`).join('');
}

const COLUMNS = ['TIME', 'EVENT', 'USER', 'SOURCE IP', 'RESULT', 'REQUEST ID'];

function table(events: AuditEvent[]): string {
  const rows = events.map((event) => [
    event.eventTime,
    event.eventName,
    caller(event),
    event.sourceIPAddress,
    event.errorCode ?? (event.errorMessage === undefined ? 'OK' : 'Failure'),
    event.requestID,
  ]);
  const all = [COLUMNS, ...rows].map((row) => row.map(printable));
  const widths = COLUMNS.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  return all
    .map(
      (row) =>
        `${row
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd()}\n`,
    )
    .join('');
}

function caller(event: AuditEvent): string {
  const identity = event.userIdentity;
  if (identity.type === 'Root') return 'root';
  return identity.userName ?? (identity.accessKeyId ? `(${identity.accessKeyId})` : '(unknown)');
}

/** Events hold client-chosen text; a terminal must not take any of it as a control sequence. */
function printable(cell: string): string {
  const clean = cell.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 64 ? `${clean.slice(0, 63)}…` : clean;
}
