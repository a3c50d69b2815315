import type { Store } from '../../storage/store.js';
import { noSuchUser } from '../users.js';
import { noSuchGroup } from './groups.js';
import type { PolicyHolder } from './types.js';

/** A user or group named in a request, before it is looked up. */
export interface HolderName {
  kind: PolicyHolder['kind'];
  name: string;
}

/** Looks up the user or group a policy action names, with IAM's NoSuchEntity if it is absent. */
export async function findHolder(store: Store, holder: HolderName): Promise<PolicyHolder> {
  if (holder.kind === 'user') {
    const user = await store.users.findByName(holder.name);
    if (!user) throw noSuchUser(holder.name);
    return { kind: 'user', id: user.userId, name: user.userName };
  }

  const group = await store.groups.findByName(holder.name);
  if (!group) throw noSuchGroup(holder.name);
  return { kind: 'group', id: group.groupId, name: group.groupName };
}
