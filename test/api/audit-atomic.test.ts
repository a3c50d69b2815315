import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { AuditEvent } from '../../src/domain/audit/event.js';
import { storeBackends } from '../support/backends.js';
import { noFaults, withFaults, type Faults } from '../support/faults.js';
import { startInProcess, type InProcessTessera } from '../support/in-process.js';
import { field, query } from '../support/query.js';

/**
 * "Events are written in the same transaction as the change they record": a change without its
 * event, or an event without its change, cannot be left behind, on either database.
 */
describe.each(storeBackends())('audit events and their changes on $name', (backend) => {
  let tessera: InProcessTessera;
  let faults: Faults;

  beforeAll(async () => {
    faults = noFaults();
    tessera = await startInProcess(await backend.fresh(), {
      wrapStore: (store) => withFaults(store, faults),
    });
  });

  afterAll(async () => {
    await tessera?.close();
  });

  beforeEach(() => {
    Object.assign(faults, noFaults());
  });

  async function eventsOf(requestId: string): Promise<AuditEvent[]> {
    const all = await tessera.deps.store.audit.list({ limit: 100_000 });
    return all.filter((event) => event.requestID === requestId);
  }

  async function userExists(userName: string): Promise<boolean> {
    return (await tessera.deps.store.users.findByName(userName)) !== undefined;
  }

  it('invariant: a change whose event cannot be written is rolled back', async () => {
    Object.assign(faults, { before: new Set(['audit.insert']), times: 1 });
    const response = await query(tessera.url, tessera.root, 'CreateUser', { UserName: 'carol' });

    expect([response.status, response.code]).toEqual([500, 'InternalFailure']);
    expect(await userExists('carol')).toBe(false);
    // The failure itself is recorded afterwards, on its own.
    expect(await eventsOf(response.requestId)).toEqual([
      expect.objectContaining({ eventName: 'CreateUser', errorCode: 'InternalFailure' }),
    ]);
  });

  it('invariant: an event whose change fails is rolled back with it', async () => {
    Object.assign(faults, { before: new Set(['users.insert']), times: 1 });
    const response = await query(tessera.url, tessera.root, 'CreateUser', { UserName: 'dave' });

    expect(response.status).toBe(500);
    expect(await userExists('dave')).toBe(false);
    const events = await eventsOf(response.requestId);
    expect(events.map((event) => event.errorCode)).toEqual(['InternalFailure']);
  });

  it('invariant: a failure after both were written leaves neither', async () => {
    Object.assign(faults, { after: new Set(['audit.insert']), times: 1 });
    const response = await query(tessera.url, tessera.root, 'CreateUser', { UserName: 'erin' });

    expect(response.status).toBe(500);
    expect(await userExists('erin')).toBe(false);
    const events = await eventsOf(response.requestId);
    expect(events.map((event) => event.errorCode)).toEqual(['InternalFailure']);
  });

  it('a successful call commits its change and its event together', async () => {
    const response = await query(tessera.url, tessera.root, 'CreateUser', { UserName: 'frank' });

    expect(response.status).toBe(200);
    expect(await userExists('frank')).toBe(true);
    const events = await eventsOf(response.requestId);
    expect(events).toEqual([expect.objectContaining({ eventName: 'CreateUser' })]);
    expect(events[0]!.errorCode).toBeUndefined();
  });

  it('invariant: a wrong MFA code spends an attempt and is recorded, though refused', async () => {
    await query(tessera.url, tessera.root, 'CreateUser', { UserName: 'grace' });
    const created = await query(tessera.url, tessera.root, 'CreateVirtualMFADevice', {
      VirtualMFADeviceName: 'grace-phone',
    });
    const serial = field(created.text, 'SerialNumber')!;

    const codes = { AuthenticationCode1: '000000', AuthenticationCode2: '000001' };
    const params = { UserName: 'grace', SerialNumber: serial, ...codes };
    const refused = await query(tessera.url, tessera.root, 'EnableMFADevice', params);

    expect(refused.code).toBe('InvalidAuthenticationCode');
    const device = await tessera.deps.store.mfaDevices.find(serial);
    expect(device?.failedAttempts).toBe(1);
    const events = await eventsOf(refused.requestId);
    expect(events.map((event) => event.errorCode)).toEqual(['InvalidAuthenticationCode']);
  });
});
