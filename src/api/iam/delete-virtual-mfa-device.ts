import { deleteVirtualMfaDevice } from '../../domain/mfa/devices.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';

export default defineAction({
  service: 'iam',
  name: 'DeleteVirtualMFADevice',
  read: (p) => ({ serialNumber: p.required('SerialNumber', S.serialNumber) }),
  resource: (_ctx, input) => input.serialNumber,
  run: async (ctx, input) => {
    await deleteVirtualMfaDevice(ctx.deps, input.serialNumber);
    return undefined;
  },
});
