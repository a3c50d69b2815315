import { untagMfaDevice } from '../../domain/mfa/devices.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';

export default defineAction({
  service: 'iam',
  name: 'UntagMFADevice',
  read: (p) => ({
    serialNumber: p.required('SerialNumber', S.serialNumber),
    keys: p.list('TagKeys', S.tagKey, 50, 'tagKeys', { required: true }),
  }),
  resource: (_ctx, input) => input.serialNumber,
  run: async (ctx, input) => {
    await untagMfaDevice(ctx.deps, input.serialNumber, input.keys);
    return undefined;
  },
});
