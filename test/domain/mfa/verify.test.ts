import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { base32Decode, timeStep, totpAt } from '../../../src/core/otp/index.js';
import { createVirtualMfaDevice } from '../../../src/domain/mfa/devices.js';
import { enableMfaDevice } from '../../../src/domain/mfa/enable.js';
import { verifyAndConsume } from '../../../src/domain/mfa/verify.js';
import { createUser } from '../../../src/domain/users.js';
import { storeBackends } from '../../support/backends.js';
import { testDeps, type TestDeps } from '../../support/deps.js';

describe.each(storeBackends())('verify-and-consume on $name', (backend) => {
  let deps: TestDeps;
  let seed: Buffer;
  let serial: string;
  const code = (offset = 0): string => totpAt(seed, timeStep(deps.clock()) + offset);

  beforeEach(async () => {
    deps = await testDeps(await backend.fresh());
    await createUser(deps, { userName: 'Alice', path: '/', tags: [] });
    const created = await createVirtualMfaDevice(deps, { name: 'Alice', path: '/', tags: [] });
    seed = base32Decode(created.base32Seed)!;
    serial = created.device.serialNumber;
    await enableMfaDevice(deps, {
      userName: 'Alice',
      serialNumber: serial,
      code1: code(-1),
      code2: code(0),
    });
    deps.clock.advance(30_000);
  });

  afterEach(async () => {
    await deps.store.close();
  });

  it('accepts the current code, and one step either side (RFC 6238 §5.2)', async () => {
    expect((await verifyAndConsume(deps, serial, code(0))).ok).toBe(true);
    deps.clock.advance(60_000);
    expect((await verifyAndConsume(deps, serial, code(1))).ok).toBe(true);
  });

  it('a wrong code is refused', async () => {
    const wrong = code(0) === '000000' ? '000001' : '000000';
    expect(await verifyAndConsume(deps, serial, wrong)).toMatchObject({
      ok: false,
      reason: 'wrong',
    });
  });

  it('invariant: a code accepted once is refused on reuse', async () => {
    const current = code(0);
    expect((await verifyAndConsume(deps, serial, current)).ok).toBe(true);
    expect(await verifyAndConsume(deps, serial, current)).toMatchObject({
      ok: false,
      reason: 'replayed',
    });
  });

  it('invariant: an older code is refused once a later one was accepted', async () => {
    const earlier = code(-1);
    expect((await verifyAndConsume(deps, serial, code(0))).ok).toBe(true);
    expect(await verifyAndConsume(deps, serial, earlier)).toMatchObject({ ok: false });
  });

  it('invariant: concurrent requests with one code let exactly one through', async () => {
    const current = code(0);
    const outcomes = await Promise.all(
      Array.from({ length: 25 }, () => verifyAndConsume(deps, serial, current)),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
  });

  it('invariant: a burst of wrong codes cannot exceed the attempt budget', async () => {
    const wrong = code(0) === '000000' ? '000001' : '000000';
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, () => verifyAndConsume(deps, serial, wrong)),
    );
    const tried = outcomes.filter((o) => !o.ok && o.reason === 'wrong');
    expect(tried.length).toBeLessThanOrEqual(deps.settings.mfa.maxFailedAttempts);
    expect(outcomes.filter((o) => !o.ok && o.reason === 'locked').length).toBeGreaterThan(0);
  });

  it('while locked, even the right code is refused, not saying whether it was right', async () => {
    for (let i = 0; i < deps.settings.mfa.maxFailedAttempts; i++) {
      await verifyAndConsume(deps, serial, code(0) === '000000' ? '000001' : '000000');
    }
    const right = await verifyAndConsume(deps, serial, code(0));
    const wrong = await verifyAndConsume(deps, serial, '999999');
    expect(right).toMatchObject({ ok: false, reason: 'locked' });
    expect(wrong).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('the lock ends after its time, and each further lock lasts twice as long', async () => {
    const burn = async (): Promise<void> => {
      for (let i = 0; i < deps.settings.mfa.maxFailedAttempts; i++) {
        await verifyAndConsume(deps, serial, code(0) === '000000' ? '000001' : '000000');
      }
    };
    await burn();
    const first = (await deps.store.mfaDevices.find(serial))!.lockedUntil - deps.clock();
    expect(first).toBe(deps.settings.mfa.lockoutBaseSeconds * 1000);

    deps.clock.advance(first);
    await burn();
    const second = (await deps.store.mfaDevices.find(serial))!.lockedUntil - deps.clock();
    expect(second).toBe(2 * first);

    deps.clock.advance(second + 30_000);
    expect((await verifyAndConsume(deps, serial, code(0))).ok).toBe(true);
    expect((await deps.store.mfaDevices.find(serial))!.lockouts).toBe(0);
  });
});
