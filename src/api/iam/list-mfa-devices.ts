import { listMfaDevices } from '../../domain/mfa/devices.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { mfaDeviceXml, paged, targetUser, targetUserName, userResource } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'ListMFADevices',
  read: (p, ctx) => ({
    userName: targetUserName(ctx, p.string('UserName', S.existingUserName)),
    ...p.page(),
  }),
  resource: (ctx, input) => userResource(ctx, input.userName),
  run: async (ctx, input) => {
    const user = await targetUser(ctx, input.userName);
    // The root user's MFA is managed outside IAM: it has no IAM-listed devices.
    if (!user) return { MFADevices: [], IsTruncated: false };

    const page = await listMfaDevices(ctx.deps, user, input);
    return paged('MFADevices', page, (device) => mfaDeviceXml(device, user));
  },
});
