import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { base32Decode, timeStep, totpAt } from '../../src/core/otp/index.js';
import { createAccessKey, deleteAccessKey, updateAccessKey } from '../../src/domain/access-keys.js';
import { resolveSigningIdentity } from '../../src/domain/credentials.js';
import { createVirtualMfaDevice } from '../../src/domain/mfa/devices.js';
import { enableMfaDevice } from '../../src/domain/mfa/enable.js';
import type { Principal } from '../../src/domain/principal.js';
import { getSessionToken, type SessionCredentials } from '../../src/domain/sts.js';
import { createUser, deleteUser } from '../../src/domain/users.js';
import { testDeps, type TestDeps } from '../support/deps.js';

/** GetSessionToken's rules (reference §6) and the life of the credentials it issues. */
describe('STS GetSessionToken', () => {
  let deps: TestDeps;
  let alice: Principal;
  let aliceKey: string;
  let userId: string;
  let seed: Buffer;
  let serial: string;
  const code = (offset = 0): string => totpAt(seed, timeStep(deps.clock()) + offset);
  const principal = async (keyId: string, token?: string): Promise<Principal> =>
    (await resolveSigningIdentity(deps, keyId, token)).principal;
  const sessionOf = (credentials: SessionCredentials): Promise<Principal> =>
    principal(credentials.accessKeyId, credentials.sessionToken);

  beforeEach(async () => {
    deps = await testDeps();
    userId = (await createUser(deps, { userName: 'alice', path: '/', tags: [] })).userId;
    aliceKey = (await createAccessKey(deps, userId)).key.accessKeyId;
    alice = await principal(aliceKey);

    const created = await createVirtualMfaDevice(deps, { name: 'alice', path: '/', tags: [] });
    seed = base32Decode(created.base32Seed)!;
    serial = created.device.serialNumber;
    const pair = { code1: code(-1), code2: code(0) };
    await enableMfaDevice(deps, { userName: 'alice', serialNumber: serial, ...pair });
    deps.clock.advance(30_000);
  });

  afterEach(async () => {
    await deps.store.close();
  });

  it('issues ASIA credentials for 43200 s by default, marked MFA when a code came', async () => {
    const plain = await getSessionToken(deps, alice, {});
    expect(plain.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(plain.expiration - deps.clock()).toBe(43_200_000);
    expect((await sessionOf(plain)).session).toMatchObject({ mfaAuthenticated: false });

    const withMfa = await getSessionToken(deps, alice, { serialNumber: serial, tokenCode: code() });
    const session = (await sessionOf(withMfa)).session!;
    expect(session).toMatchObject({ mfaAuthenticated: true, mfaAuthenticatedAt: deps.clock() });
    expect(session.issuedAt).toBe(deps.clock());
  });

  it('DurationSeconds must lie in 900..129600', async () => {
    for (const durationSeconds of [899, 129_601]) {
      await expect(getSessionToken(deps, alice, { durationSeconds })).rejects.toMatchObject({
        code: 'ValidationError',
        message: expect.stringContaining("at 'durationSeconds'"),
      });
    }
    const longest = await getSessionToken(deps, alice, { durationSeconds: 129_600 });
    expect(longest.expiration - deps.clock()).toBe(129_600_000);
  });

  it("the root user's sessions default to and are cut at 3600 seconds", async () => {
    const root = await principal((await createAccessKey(deps, null)).key.accessKeyId);
    const byDefault = await getSessionToken(deps, root, {});
    const asked = await getSessionToken(deps, root, { durationSeconds: 7200 });
    expect(byDefault.expiration - deps.clock()).toBe(3_600_000);
    expect(asked.expiration - deps.clock()).toBe(3_600_000);
  });

  it('only one of SerialNumber and TokenCode: AccessDenied 403', async () => {
    for (const input of [{ serialNumber: serial }, { tokenCode: code() }]) {
      await expect(getSessionToken(deps, alice, input)).rejects.toMatchObject({
        code: 'AccessDenied',
        status: 403,
      });
    }
  });

  it('a wrong code, or a device that is not the caller’s: AccessDenied in AWS words', async () => {
    const wrong = code() === '000000' ? '000001' : '000000';
    await expect(
      getSessionToken(deps, alice, { serialNumber: serial, tokenCode: wrong }),
    ).rejects.toMatchObject({
      code: 'AccessDenied',
      message: 'MultiFactorAuthentication failed with invalid MFA one time pass code. ',
    });

    const other = `${serial.slice(0, serial.lastIndexOf('/'))}/bob`;
    await expect(
      getSessionToken(deps, alice, { serialNumber: other, tokenCode: code() }),
    ).rejects.toMatchObject({
      code: 'AccessDenied',
      message: expect.stringContaining('unable to validate MFA code.  Please verify'),
    });
  });

  it('invariant: one code gives credentials once', async () => {
    const input = { serialNumber: serial, tokenCode: code() };
    await getSessionToken(deps, alice, input);
    await expect(getSessionToken(deps, alice, input)).rejects.toMatchObject({
      code: 'AccessDenied',
    });
  });

  it('invariant: wrong codes sent to STS spend the device’s attempt budget', async () => {
    const wrong = code() === '000000' ? '000001' : '000000';
    for (let n = 0; n < deps.settings.mfa.maxFailedAttempts; n++) {
      await expect(
        getSessionToken(deps, alice, { serialNumber: serial, tokenCode: wrong }),
      ).rejects.toMatchObject({ code: 'AccessDenied' });
    }

    expect((await deps.store.mfaDevices.find(serial))!.lockedUntil).toBeGreaterThan(deps.clock());
    await expect(
      getSessionToken(deps, alice, { serialNumber: serial, tokenCode: code() }),
    ).rejects.toMatchObject({ message: expect.stringContaining('too many invalid codes') });
  });

  it('session credentials cannot call GetSessionToken', async () => {
    const session = await sessionOf(await getSessionToken(deps, alice, {}));
    await expect(getSessionToken(deps, session, {})).rejects.toMatchObject({
      code: 'AccessDenied',
      status: 403,
      message: 'Cannot call GetSessionToken with session credentials',
    });
  });

  it('credentials expire on time: ExpiredToken', async () => {
    const credentials = await getSessionToken(deps, alice, { durationSeconds: 900 });
    deps.clock.advance(899_000);
    await expect(sessionOf(credentials)).resolves.toMatchObject({ arn: alice.arn });

    deps.clock.advance(1000);
    await expect(sessionOf(credentials)).rejects.toMatchObject({ code: 'ExpiredToken' });
  });

  it('credentials stop working when the source key is deactivated or deleted', async () => {
    const credentials = await getSessionToken(deps, alice, {});
    await updateAccessKey(deps, userId, aliceKey, 'Inactive');
    await expect(sessionOf(credentials)).rejects.toMatchObject({ code: 'InvalidClientTokenId' });

    await updateAccessKey(deps, userId, aliceKey, 'Active');
    await expect(sessionOf(credentials)).resolves.toBeDefined();
    await deleteAccessKey(deps, userId, aliceKey);
    await expect(sessionOf(credentials)).rejects.toMatchObject({ code: 'InvalidClientTokenId' });
  });

  it('credentials stop working when the user is deleted', async () => {
    const credentials = await getSessionToken(deps, alice, {});
    await deps.store.mfaDevices.unassign(serial, userId);
    await deleteAccessKey(deps, userId, aliceKey);
    await deleteUser(deps, 'alice');
    await expect(sessionOf(credentials)).rejects.toMatchObject({ code: 'InvalidClientTokenId' });
  });
});
