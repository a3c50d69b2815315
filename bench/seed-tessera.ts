import { boot, type Booted } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { createAccessKey } from '../src/domain/access-keys.js';
import { mfaSerial } from '../src/domain/arn.js';
import type { Deps } from '../src/domain/context.js';
import { newSeed, seedAad } from '../src/domain/mfa/seed.js';
import type { MfaDevice } from '../src/domain/types.js';
import { createUser } from '../src/domain/users.js';
import type { Credentials } from './signer.js';
import { stepNow } from './totp-codes.js';

/** Rows written per transaction: large enough to be quick, small enough not to block a reader. */
const BATCH = 2_000;

export const userName = (i: number): string => `bench-user-${i}`;

/** A user of the STS pool: one access key, one assigned device whose seed the harness keeps. */
export interface StsPoolUser {
  credentials: Credentials;
  serialNumber: string;
  seed: Buffer;
}

/** An unassigned device for EnableMFADevice, and the user it will be enabled for. */
export interface EnablePoolDevice {
  userName: string;
  serialNumber: string;
  seed: Buffer;
}

/** Opens the data folder as `tessera serve` would, creating the account on first use. */
export function openTessera(dataDir: string, database?: string): Promise<Booted> {
  return boot(loadConfig({ data: dataDir, ...(database ? { database } : {}) }));
}

/**
 * The account of the read workloads: `count` users, each with one enabled device, and user 0
 * (the one listed) with a second. Written through the domain's own calls, straight to the
 * database, which is many times faster than the API (whose device creation renders a QR code).
 */
export async function seedAccount(deps: Deps, count: number): Promise<void> {
  await inBatches(deps, count, async (d, i) => {
    const user = await createUser(d, { userName: userName(i), path: '/', tags: [] });
    await addDevice(d, `bench-device-${i}`, user.userId);
    if (i === 0) await addDevice(d, 'bench-device-0-second', user.userId);
  });
}

export async function seedStsPool(deps: Deps, from: number, count: number): Promise<StsPoolUser[]> {
  const pool: StsPoolUser[] = [];
  await inBatches(deps, count, async (d, n) => {
    const i = from + n;
    const user = await createUser(d, { userName: `bench-sts-${i}`, path: '/', tags: [] });
    const { key, secretAccessKey } = await createAccessKey(d, user.userId);
    const device = await addDevice(d, `bench-sts-device-${i}`, user.userId);
    pool.push({
      credentials: { accessKeyId: key.accessKeyId, secretAccessKey },
      serialNumber: device.serialNumber,
      seed: device.seed,
    });
  });
  return pool;
}

/**
 * Unassigned devices, to be enabled for the read account's users in turn (user 0 left out, so
 * the listed user keeps its two devices): each user takes at most a few, under the limit of 8.
 */
export async function seedEnablePool(
  deps: Deps,
  from: number,
  count: number,
  users: number,
): Promise<EnablePoolDevice[]> {
  const pool: EnablePoolDevice[] = [];
  await inBatches(deps, count, async (d, n) => {
    const i = from + n;
    const device = await addDevice(d, `bench-new-${i}`, null);
    const owner = userName(1 + (i % (users - 1)));
    pool.push({ userName: owner, serialNumber: device.serialNumber, seed: device.seed });
  });
  return pool;
}

async function inBatches(
  deps: Deps,
  count: number,
  each: (deps: Deps, index: number) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < count; start += BATCH) {
    await deps.store.transaction(async (store) => {
      const inside = { ...deps, store };
      for (let i = start; i < Math.min(count, start + BATCH); i++) await each(inside, i);
    });
  }
}

/** A virtual device as CreateVirtualMFADevice stores it, assigned at a step already past. */
export async function addDevice(
  deps: Deps,
  name: string,
  userId: string | null,
): Promise<{ serialNumber: string; seed: Buffer }> {
  const serialNumber = mfaSerial(deps.settings.accountId, '/', name);
  const { seed } = newSeed(deps);
  const now = deps.clock();
  const device: MfaDevice = {
    serialNumber,
    name,
    path: '/',
    seedSealed: deps.sealer.seal(seed, seedAad(serialNumber)),
    userId: null,
    enabledAt: null,
    createdAt: now,
    lastStep: null,
    drift: 0,
    failedAttempts: 0,
    lockouts: 0,
    lockedUntil: 0,
  };

  await deps.store.mfaDevices.insert(device, []);
  if (userId !== null) {
    await deps.store.mfaDevices.assign(serialNumber, userId, now, stepNow(now) - 2, 0);
  }
  return { serialNumber, seed };
}
