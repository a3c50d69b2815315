import { newAccountId, SealError, type Sealer } from '../core/crypto/index.js';
import { createAccessKey } from './access-keys.js';
import type { Deps } from './context.js';
import type { Account } from './types.js';

const KEY_CHECK_TEXT = 'tessera master key check';
const KEY_CHECK_AAD = 'key-check';

export class MasterKeyMismatch extends Error {
  constructor() {
    super(
      'The master key does not match the one this database was created with. Start every ' +
        'instance with the same TESSERA_MASTER_KEY (or key file) as the first one.',
    );
  }
}

export interface RootCredentials {
  accountId: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Creates the account and its root access key on an empty database, or joins the account that is
 * there. Returns root credentials only when this call created them. The account row carries a
 * value sealed under the master key, so an instance with another key stops here, at start.
 */
export async function ensureAccount(
  deps: Omit<Deps, 'settings'>,
  requestedAccountId: string | undefined,
): Promise<{ account: Account; created?: RootCredentials }> {
  const existing = await deps.store.account.get();
  if (existing) {
    checkMasterKey(deps.sealer, existing);
    return { account: existing };
  }

  const candidate: Account = {
    accountId: requestedAccountId ?? newAccountId(deps.random),
    createdAt: deps.clock(),
    keyCheck: deps.sealer.seal(KEY_CHECK_TEXT, KEY_CHECK_AAD),
  };
  // The account and its root key are written together: an instance killed in between must not
  // leave an account that nobody holds credentials for. Of two instances starting on one empty
  // database, one inserts; the other finds that account and joins it.
  const made = await deps.store.transaction(async (store) => {
    const account = await store.account.create(candidate);
    if (account.keyCheck !== candidate.keyCheck) return { account };

    const { key, secretAccessKey } = await createAccessKey({ ...deps, store }, null);
    const created = { accountId: account.accountId, accessKeyId: key.accessKeyId, secretAccessKey };
    return { account, created };
  });

  if (!made.created) checkMasterKey(deps.sealer, made.account);
  return made;
}

/** Throws MasterKeyMismatch unless `sealer` holds the key the account was created with. */
export function checkMasterKey(sealer: Sealer, account: Account): void {
  try {
    if (sealer.open(account.keyCheck, KEY_CHECK_AAD).toString() === KEY_CHECK_TEXT) return;
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
  }
  throw new MasterKeyMismatch();
}
