import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { timeStep, totpAt } from '../../../src/core/otp/index.js';
import { createVirtualMfaDevice } from '../../../src/domain/mfa/devices.js';
import { enableMfaDevice, resyncMfaDevice } from '../../../src/domain/mfa/enable.js';
import { verifyAndConsume } from '../../../src/domain/mfa/verify.js';
import { createUser } from '../../../src/domain/users.js';
import { base32Decode } from '../../../src/core/otp/index.js';
import { storeBackends } from '../../support/backends.js';
import { testDeps, type TestDeps } from '../../support/deps.js';

describe.each(storeBackends())('EnableMFADevice and ResyncMFADevice on $name', (backend) => {
  let deps: TestDeps;
  let seed: Buffer;
  let serial: string;
  const code = (offset: number): string => totpAt(seed, timeStep(deps.clock()) + offset);
  const enable = (code1: string, code2: string) =>
    enableMfaDevice(deps, { userName: 'Alice', serialNumber: serial, code1, code2 });

  beforeEach(async () => {
    deps = await testDeps(await backend.fresh());
    await createUser(deps, { userName: 'Alice', path: '/', tags: [] });
    const created = await createVirtualMfaDevice(deps, { name: 'Alice', path: '/', tags: [] });
    seed = base32Decode(created.base32Seed)!;
    serial = created.device.serialNumber;
  });

  afterEach(async () => {
    await deps.store.close();
  });

  async function assigned(): Promise<string | null> {
    return (await deps.store.mfaDevices.find(serial))!.userId;
  }

  it('accepts two consecutive codes in order and assigns the device', async () => {
    await enable(code(-1), code(0));
    expect(await assigned()).not.toBeNull();
  });

  for (const [label, pair] of [
    ['reversed', [0, -1]],
    ['the same code twice', [0, 0]],
    ['non-adjacent', [-2, 0]],
  ] as const) {
    it(`refuses codes that are ${label} and changes nothing`, async () => {
      await expect(enable(code(pair[0]), code(pair[1]))).rejects.toMatchObject({
        code: 'InvalidAuthenticationCode',
        status: 403,
      });
      expect(await assigned()).toBeNull();
    });
  }

  it('refuses arbitrary codes', async () => {
    await expect(enable('000000', '111111')).rejects.toMatchObject({
      code: 'InvalidAuthenticationCode',
    });
    expect(await assigned()).toBeNull();
  });

  it('finds codes of a drifted clock in the window, stores the drift and uses it', async () => {
    await enable(code(5), code(6));
    expect((await deps.store.mfaDevices.find(serial))!.drift).toBe(6);

    // A code from the device's clock (6 steps ahead of the server's) is now accepted...
    deps.clock.advance(30_000);
    expect((await verifyAndConsume(deps, serial, code(6))).ok).toBe(true);
  });

  it('refuses codes from outside the documented window (±10 steps)', async () => {
    await expect(enable(code(11), code(12))).rejects.toMatchObject({
      code: 'InvalidAuthenticationCode',
    });
  });

  it('invariant: concurrent enables with one pair of codes assign the device once', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () => enable(code(-1), code(0))),
    );

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        expect(outcome.reason.code).toMatch(/^(EntityAlreadyExists|InvalidAuthenticationCode)$/);
      }
    }
    expect(await assigned()).not.toBeNull();
  });

  it('codes used to enable can never be used to sign in', async () => {
    await enable(code(-1), code(0));
    const outcome = await verifyAndConsume(deps, serial, code(0));
    expect(outcome).toMatchObject({ ok: false, reason: 'replayed' });
  });

  it('resync re-establishes the drift with two fresh consecutive codes', async () => {
    await enable(code(-1), code(0));
    deps.clock.advance(10 * 30_000);

    // The phone's clock fell 4 steps behind.
    await resyncMfaDevice(deps, {
      userName: 'Alice',
      serialNumber: serial,
      code1: code(-5),
      code2: code(-4),
    });
    expect((await deps.store.mfaDevices.find(serial))!.drift).toBe(-4);
    deps.clock.advance(30_000);
    expect((await verifyAndConsume(deps, serial, code(-4))).ok).toBe(true);
  });

  it('a user may have at most 8 devices', async () => {
    for (let i = 1; i <= 8; i++) {
      const extra = await createVirtualMfaDevice(deps, { name: `d${i}`, path: '/', tags: [] });
      const s = base32Decode(extra.base32Seed)!;
      const step = timeStep(deps.clock());
      await enableMfaDevice(deps, {
        userName: 'Alice',
        serialNumber: extra.device.serialNumber,
        code1: totpAt(s, step - 1),
        code2: totpAt(s, step),
      });
    }
    await expect(enable(code(-1), code(0))).rejects.toMatchObject({
      code: 'LimitExceeded',
      status: 409,
    });
  });
});
