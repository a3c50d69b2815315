import { resyncMfaDevice } from '../../domain/mfa/enable.js';
import { defineAction } from '../action.js';
import { userResource } from './common.js';
import { readSyncInput } from './sync-input.js';

export default defineAction({
  service: 'iam',
  name: 'ResyncMFADevice',
  read: readSyncInput,
  resource: (ctx, input) => userResource(ctx, input.userName),
  run: async (ctx, input) => {
    await resyncMfaDevice(ctx.deps, input);
    return undefined;
  },
});
