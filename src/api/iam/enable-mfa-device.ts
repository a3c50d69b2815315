import { enableMfaDevice } from '../../domain/mfa/enable.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { userResource } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'EnableMFADevice',
  read: (p) => ({
    userName: p.required('UserName', S.existingUserName),
    serialNumber: p.required('SerialNumber', S.serialNumber),
    code1: p.required('AuthenticationCode1', S.authenticationCode1),
    code2: p.required('AuthenticationCode2', S.authenticationCode2),
  }),
  resource: (ctx, input) => userResource(ctx, input.userName),
  run: async (ctx, input) => {
    await enableMfaDevice(ctx.deps, input);
    return undefined;
  },
});
