import { hashPassword } from '../core/crypto/index.js';
import type { Deps } from './context.js';
import { checkPassword } from './password-policy.js';

/**
 * Sets the root user's console password (the same scrypt hash as IAM users' passwords). A new
 * password ends every root console session at once, on every instance sharing the database.
 */
export async function setRootPassword(deps: Deps, password: string): Promise<void> {
  checkPassword(password, 'root');
  const hash = await hashPassword(password, deps.random);

  await deps.store.transaction(async (store) => {
    if (!(await store.account.setRootPasswordHash(hash))) {
      throw new TypeError('the account must exist before its root password is set');
    }
    await store.consoleSessions.deleteForUser(null);
  });
}
