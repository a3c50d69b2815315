import type { ActionContext } from '../action.js';
import { targetUser, targetUserName } from './common.js';

/** The owner of the keys an access-key action names: a user, or null for the root user. */
export async function keyOwner(
  ctx: ActionContext,
  given: string | undefined,
): Promise<{ userId: string | null; userName: string | undefined }> {
  const userName = targetUserName(ctx, given);
  const user = await targetUser(ctx, userName);
  return { userId: user?.userId ?? null, userName: user?.userName };
}
