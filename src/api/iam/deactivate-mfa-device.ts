import { ValidationError } from '../../domain/errors.js';
import { deactivateMfaDevice } from '../../domain/mfa/devices.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { targetUserName, userResource } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'DeactivateMFADevice',
  read: (p, ctx) => ({
    userName: targetUserName(ctx, p.string('UserName', S.existingUserName)),
    serialNumber: p.required('SerialNumber', S.serialNumber),
  }),
  resource: (ctx, input) => userResource(ctx, input.userName),
  run: async (ctx, input) => {
    if (input.userName === undefined) {
      throw new ValidationError('Must specify userName when calling with non-User credentials');
    }
    await deactivateMfaDevice(ctx.deps, {
      userName: input.userName,
      serialNumber: input.serialNumber,
    });
    return undefined;
  },
});
