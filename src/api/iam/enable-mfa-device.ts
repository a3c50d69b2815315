import { enableMfaDevice } from '../../domain/mfa/enable.js';
import { defineAction } from '../action.js';
import { userResource } from './common.js';
import { readSyncInput } from './sync-input.js';

export default defineAction({
  service: 'iam',
  name: 'EnableMFADevice',
  read: readSyncInput,
  resource: (ctx, input) => userResource(ctx, input.userName),
  run: async (ctx, input) => {
    await enableMfaDevice(ctx.deps, input);
    return undefined;
  },
});
