import { rootArn, userArn } from '../../domain/arn.js';
import type { MfaDevice, Tag, User } from '../../domain/types.js';
import { requireUser } from '../../domain/users.js';
import type { ActionContext } from '../action.js';
import type { XmlValue } from '../xml.js';
import { isoTime } from '../xml.js';

export function userXml(ctx: ActionContext, user: User, tags?: Tag[]): XmlValue {
  return {
    Path: user.path,
    UserName: user.userName,
    UserId: user.userId,
    Arn: userArn(ctx.deps.settings.accountId, user.path, user.userName),
    CreateDate: isoTime(user.createdAt),
    PasswordLastUsed: user.passwordLastUsed === null ? undefined : isoTime(user.passwordLastUsed),
    Tags: tags && tags.length > 0 ? tagsXml(tags) : undefined,
  };
}

export function tagsXml(tags: Tag[]): XmlValue {
  return tags.map((tag) => ({ Key: tag.key, Value: tag.value }));
}

export function mfaDeviceXml(device: MfaDevice, user: User): XmlValue {
  return {
    UserName: user.userName,
    SerialNumber: device.serialNumber,
    EnableDate: isoTime(device.enabledAt ?? device.createdAt),
  };
}

/** `UserName` defaults to the caller; for the root user, undefined means the root itself. */
export function targetUserName(ctx: ActionContext, given: string | undefined): string | undefined {
  if (given !== undefined) return given;
  return ctx.principal.kind === 'user' ? ctx.principal.user!.userName : undefined;
}

/**
 * The user userResource found, per request, handed once to targetUser: both read in the same
 * transaction, so the second read of the same row could only repeat the first.
 */
const authorizedUsers = new WeakMap<ActionContext, { userName: string; user: User }>();

/** The user ARN an action on `userName` is authorized against (the root ARN for the root). */
export async function userResource(
  ctx: ActionContext,
  userName: string | undefined,
): Promise<string> {
  const { accountId } = ctx.deps.settings;
  if (userName === undefined) return rootArn(accountId);

  const user = await ctx.deps.store.users.findByName(userName);
  if (user) authorizedUsers.set(ctx, { userName, user });
  return userArn(accountId, user?.path ?? '/', user?.userName ?? userName);
}

/** The user an action acts on, or null for the root user itself. */
export async function targetUser(
  ctx: ActionContext,
  userName: string | undefined,
): Promise<User | null> {
  if (userName === undefined) return null;

  const found = authorizedUsers.get(ctx);
  authorizedUsers.delete(ctx);
  return found?.userName === userName ? found.user : requireUser(ctx.deps, userName);
}

export function paged<T>(
  listName: string,
  page: { items: T[]; marker?: string },
  item: (value: T) => XmlValue,
): XmlValue {
  return {
    [listName]: page.items.map(item),
    IsTruncated: page.marker !== undefined,
    Marker: page.marker,
  };
}
