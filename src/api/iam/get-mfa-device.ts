import { NoSuchEntity } from '../../domain/errors.js';
import { requireDevice } from '../../domain/mfa/devices.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { isoTime } from '../xml.js';
import { targetUserName, userResource } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'GetMFADevice',
  read: (p, ctx) => ({
    userName: targetUserName(ctx, p.string('UserName', S.existingUserName)),
    serialNumber: p.required('SerialNumber', S.serialNumber),
  }),
  resource: (ctx, input) => userResource(ctx, input.userName),
  run: async (ctx, input) => {
    const device = await requireDevice(ctx.deps, input.serialNumber);
    const owner =
      device.userId === null ? undefined : await ctx.deps.store.users.findById(device.userId);
    if (
      !owner ||
      (input.userName !== undefined &&
        owner.userName.toLowerCase() !== input.userName.toLowerCase())
    ) {
      throw new NoSuchEntity(
        `MFA device with serial number ${input.serialNumber} is not assigned to this user.`,
      );
    }
    return {
      UserName: owner.userName,
      SerialNumber: device.serialNumber,
      EnableDate: isoTime(device.enabledAt ?? device.createdAt),
    };
  },
});
