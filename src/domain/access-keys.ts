import { newId, newSecretAccessKey } from '../core/crypto/index.js';
import type { Deps } from './context.js';
import { LimitExceeded, NoSuchEntity } from './errors.js';
import type { AccessKey, AccessKeyStatus } from './types.js';

const KEYS_PER_USER = 2;

/** Sealed secrets are bound to their key id, so a sealed value moved to another row won't open. */
export function secretAad(accessKeyId: string): string {
  return `access-key:${accessKeyId}`;
}

function noSuchKey(accessKeyId: string): NoSuchEntity {
  return new NoSuchEntity(`The Access Key with id ${accessKeyId} cannot be found.`);
}

/** Creates a key for a user (or root when userId is null); the secret is returned only here. */
export async function createAccessKey(
  deps: Pick<Deps, 'store' | 'random' | 'sealer' | 'clock'>,
  userId: string | null,
): Promise<{ key: AccessKey; secretAccessKey: string }> {
  const accessKeyId = newId(deps.random, 'AKIA');
  const secretAccessKey = newSecretAccessKey(deps.random);
  const key: AccessKey = {
    accessKeyId,
    userId,
    secretSealed: deps.sealer.seal(secretAccessKey, secretAad(accessKeyId)),
    status: 'Active',
    createdAt: deps.clock(),
  };

  await deps.store.transaction(async (store) => {
    if (userId !== null) await store.users.lock(userId);
    const existing = await store.accessKeys.listForUser(userId);
    if (userId !== null && existing.length >= KEYS_PER_USER) {
      throw new LimitExceeded(`Cannot exceed quota for AccessKeysPerUser: ${KEYS_PER_USER}`);
    }
    await store.accessKeys.insert(key);
  });
  return { key, secretAccessKey };
}

export function listAccessKeys(deps: Deps, userId: string | null): Promise<AccessKey[]> {
  return deps.store.accessKeys.listForUser(userId);
}

async function ownedKey(
  deps: Deps,
  userId: string | null,
  accessKeyId: string,
): Promise<AccessKey> {
  const key = await deps.store.accessKeys.find(accessKeyId);
  if (!key || key.userId !== userId) throw noSuchKey(accessKeyId);
  return key;
}

export async function updateAccessKey(
  deps: Deps,
  userId: string | null,
  accessKeyId: string,
  status: AccessKeyStatus,
): Promise<void> {
  await ownedKey(deps, userId, accessKeyId);
  await deps.store.accessKeys.setStatus(accessKeyId, status);
}

export async function deleteAccessKey(
  deps: Deps,
  userId: string | null,
  accessKeyId: string,
): Promise<void> {
  await ownedKey(deps, userId, accessKeyId);
  await deps.store.transaction((store) => store.accessKeys.delete(accessKeyId));
}
