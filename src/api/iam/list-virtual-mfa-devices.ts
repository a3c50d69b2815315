import { listVirtualMfaDevices } from '../../domain/mfa/devices.js';
import type { User } from '../../domain/types.js';
import type { AssignmentFilter } from '../../storage/store.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { isoTime } from '../xml.js';
import { paged, userXml } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'ListVirtualMFADevices',
  read: (p) => ({
    filter: (p.string('AssignmentStatus', S.assignmentStatus) ?? 'Any') as AssignmentFilter,
    ...p.page(),
  }),
  resource: () => '*',
  run: async (ctx, input) => {
    const page = await listVirtualMfaDevices(ctx.deps, input);

    const owners = new Map<string, User | undefined>();
    for (const device of page.items) {
      if (device.userId !== null && !owners.has(device.userId)) {
        owners.set(device.userId, await ctx.deps.store.users.findById(device.userId));
      }
    }

    return paged('VirtualMFADevices', page, (device) => {
      const owner = device.userId === null ? undefined : owners.get(device.userId);
      return {
        SerialNumber: device.serialNumber,
        User: owner ? userXml(ctx, owner) : undefined,
        EnableDate: device.enabledAt === null ? undefined : isoTime(device.enabledAt),
      };
    });
  },
});
