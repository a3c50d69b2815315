import { totpKeyUri } from '../../core/otp/index.js';
import { mfaSerial } from '../arn.js';
import type { Deps } from '../context.js';
import { DeleteConflict, EntityAlreadyExists, LimitExceeded, NoSuchEntity } from '../errors.js';
import { pageOf } from '../paging.js';
import type { MfaDevice, Page, Tag, User } from '../types.js';
import { requireUser } from '../users.js';
import { qrPng } from './qr.js';
import { newSeed, seedAad } from './seed.js';
import type { AssignmentFilter } from '../../storage/store.js';

export interface NewVirtualDevice {
  device: MfaDevice;
  /** The seed as base32 text: returned once, in the creating response, and never stored clear. */
  base32Seed: string;
  keyUri: string;
  qrCodePng: Buffer;
}

export function noSuchDevice(serialNumber: string): NoSuchEntity {
  return new NoSuchEntity(`VirtualMFADevice with serial number ${serialNumber} doesn't exist.`);
}

export async function requireDevice(deps: Deps, serialNumber: string): Promise<MfaDevice> {
  const device = await deps.store.mfaDevices.find(serialNumber);
  if (!device) throw noSuchDevice(serialNumber);
  return device;
}

export async function createVirtualMfaDevice(
  deps: Deps,
  input: { name: string; path: string; tags: Tag[] },
): Promise<NewVirtualDevice> {
  const { accountId, issuer } = deps.settings;
  const serialNumber = mfaSerial(accountId, input.path, input.name);
  const { seed, base32 } = newSeed(deps);
  const device: MfaDevice = {
    serialNumber,
    name: input.name,
    path: input.path,
    seedSealed: deps.sealer.seal(seed, seedAad(serialNumber)),
    userId: null,
    enabledAt: null,
    createdAt: deps.clock(),
    lastStep: null,
    drift: 0,
    failedAttempts: 0,
    lockouts: 0,
    lockedUntil: 0,
  };
  seed.fill(0);

  const inserted = await deps.store.transaction((s) => s.mfaDevices.insert(device, input.tags));
  if (!inserted)
    throw new EntityAlreadyExists('MFADevice entity at the same path and name already exists.');

  // The label names the device, not its path: apps show it in a short list.
  const keyUri = totpKeyUri({
    issuer,
    accountName: `${input.name}@${accountId}`,
    secretBase32: base32,
  });
  return { device, base32Seed: base32, keyUri, qrCodePng: await qrPng(keyUri) };
}

export function listMfaDevices(
  deps: Deps,
  user: User,
  input: { marker?: string; maxItems: number },
): Promise<Page<MfaDevice>> {
  return pageOf(
    input.maxItems,
    input.marker,
    (after, limit) => deps.store.mfaDevices.listForUser(user.userId, { after, limit }),
    (device) => device.serialNumber,
  );
}

export function listVirtualMfaDevices(
  deps: Deps,
  input: { filter: AssignmentFilter; marker?: string; maxItems: number },
): Promise<Page<MfaDevice>> {
  return pageOf(
    input.maxItems,
    input.marker,
    (after, limit) => deps.store.mfaDevices.listVirtual(input.filter, { after, limit }),
    (device) => device.serialNumber,
  );
}

export async function deactivateMfaDevice(
  deps: Deps,
  input: { userName: string; serialNumber: string },
): Promise<void> {
  const user = await requireUser(deps, input.userName);
  const device = await requireDevice(deps, input.serialNumber);
  if (device.userId !== user.userId) {
    throw new NoSuchEntity(
      `MFA Device with serial number ${input.serialNumber} is not assigned to user ` +
        `${user.userName}.`,
    );
  }

  if (!(await deps.store.mfaDevices.unassign(device.serialNumber, user.userId))) {
    throw noSuchDevice(input.serialNumber);
  }
}

export async function deleteVirtualMfaDevice(deps: Deps, serialNumber: string): Promise<void> {
  const device = await requireDevice(deps, serialNumber);
  if (device.userId !== null) {
    throw new DeleteConflict(
      'MFA Device is still in use. Deactivate the device before deleting it.',
    );
  }

  const deleted = await deps.store.transaction((s) => s.mfaDevices.deleteUnassigned(serialNumber));
  if (!deleted) {
    throw new DeleteConflict(
      'MFA Device is still in use. Deactivate the device before deleting it.',
    );
  }
}

export async function tagMfaDevice(deps: Deps, serialNumber: string, tags: Tag[]): Promise<void> {
  await requireDevice(deps, serialNumber);

  // Written first and counted after, in one transaction that holds the device: concurrent tag
  // requests cannot pass the limit together, and a concurrent delete leaves no tags behind.
  await deps.store.transaction(async (store) => {
    if (!(await store.mfaDevices.putTags(serialNumber, tags))) throw noSuchDevice(serialNumber);

    if ((await store.mfaDevices.tags(serialNumber)).length > 50) {
      throw new LimitExceeded('The number of tags has reached the maximum limit.');
    }
  });
}

export async function untagMfaDevice(
  deps: Deps,
  serialNumber: string,
  keys: string[],
): Promise<void> {
  await requireDevice(deps, serialNumber);
  await deps.store.mfaDevices.removeTags(serialNumber, keys);
}

export async function listMfaDeviceTags(deps: Deps, serialNumber: string): Promise<Tag[]> {
  await requireDevice(deps, serialNumber);
  return deps.store.mfaDevices.tags(serialNumber);
}
