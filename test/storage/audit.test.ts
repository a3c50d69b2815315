import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { consoleLoginEvent } from '../../src/domain/audit/console-login.js';
import type { AuditEvent } from '../../src/domain/audit/event.js';
import { openStore } from '../../src/storage/index.js';
import type { KyselyStore } from '../../src/storage/kysely-store.js';
import { storeBackends } from '../support/backends.js';
import { testDeps } from '../support/deps.js';

const NOW = Date.UTC(2026, 0, 1);

/** The audit trail's table and the filters `tessera audit` uses, on both databases. */
describe.each(storeBackends())('the audit trail on $name', (backend) => {
  let store: KyselyStore;
  let events: AuditEvent[];

  beforeEach(async () => {
    store = await openStore(await backend.fresh());
    const base = await testDeps();
    await base.store.close();
    const deps = { ...base, store };
    const alice = { userId: 'AIDAALICE', userName: 'Alice', path: '/', createdAt: NOW };
    const user = { ...alice, passwordLastUsed: null };
    const origin = { sourceIp: '127.0.0.1', userAgent: 'test', mfaUsed: false };
    events = [
      consoleLoginEvent(deps, { ...origin, user, success: true }, NOW),
      consoleLoginEvent(deps, { ...origin, user: null, success: false }, NOW + 1000),
      consoleLoginEvent(deps, { ...origin, user: undefined, success: false }, NOW + 2000),
      {
        ...consoleLoginEvent(deps, { ...origin, user, success: true }, NOW + 3000),
        eventName: 'X',
      },
    ];
    for (const [i, event] of events.entries()) await store.audit.insert(event, NOW + i * 1000);
  });

  afterEach(async () => {
    await store.close();
  });

  const ids = (list: AuditEvent[]): string[] => list.map((event) => event.eventID);
  const all = (): string[] => ids(events);

  it('returns events as written, oldest first', async () => {
    expect(await store.audit.list({ limit: 10 })).toEqual(events);
  });

  it('filters by time, caller (in any case; root as "root"), name and failure', async () => {
    expect(ids(await store.audit.list({ since: NOW + 2000, limit: 10 }))).toEqual(all().slice(2));
    expect(ids(await store.audit.list({ userName: 'alice', limit: 10 }))).toEqual([
      all()[0],
      all()[3],
    ]);
    expect(ids(await store.audit.list({ userName: 'ROOT', limit: 10 }))).toEqual([all()[1]]);
    expect(ids(await store.audit.list({ eventName: 'X', limit: 10 }))).toEqual([all()[3]]);
    expect(ids(await store.audit.list({ failed: true, limit: 10 }))).toEqual(all().slice(1, 3));
  });

  it('with a limit, returns the newest events, still oldest first', async () => {
    expect(ids(await store.audit.list({ limit: 2 }))).toEqual(all().slice(2));
  });

  it('writes queued events within milliseconds, and before any list', async () => {
    const [first, second] = [
      { ...events[0]!, eventID: 'q1' },
      { ...events[1]!, eventID: 'q2' },
    ];
    expect(await store.audit.insertSoon(first, NOW + 5000)).toBeUndefined();
    expect(ids(await store.audit.list({ limit: 10 }))).toEqual([...all(), 'q1']);

    await store.audit.insertSoon(second, NOW + 6000);
    await expect.poll(() => rowCount(store), { timeout: 2000, interval: 5 }).toBe(6);
  });

  it('a queued batch that cannot be written is reported to the next queuer', async () => {
    // A row the table refuses (event_name is required) fails its whole batch.
    await store.audit.insertSoon({ ...events[0]!, eventName: undefined as never }, NOW);
    await store.audit.list({ limit: 1 });

    const next = { ...events[1]!, eventID: 'q3' };
    expect(await store.audit.insertSoon(next, NOW + 5000)).toBeInstanceOf(Error);
    expect(await store.audit.insertSoon({ ...next, eventID: 'q4' }, NOW)).toBeUndefined();
  });
});

async function rowCount(store: KyselyStore): Promise<number> {
  const rows = await store.db.selectFrom('audit_events').select('seq').execute();
  return rows.length;
}
