import { tagMfaDevice } from '../../domain/mfa/devices.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';

export default defineAction({
  service: 'iam',
  name: 'TagMFADevice',
  read: (p) => ({ serialNumber: p.required('SerialNumber', S.serialNumber), tags: p.tags() }),
  resource: (_ctx, input) => input.serialNumber,
  run: async (ctx, input) => {
    await tagMfaDevice(ctx.deps, input.serialNumber, input.tags);
    return undefined;
  },
});
