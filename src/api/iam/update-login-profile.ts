import { updateLoginProfile } from '../../domain/login-profiles.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { userResource } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'UpdateLoginProfile',
  read: (p) => ({
    userName: p.required('UserName', S.existingUserName),
    password: p.string('Password', S.password),
    passwordResetRequired: p.boolean('PasswordResetRequired', 'passwordResetRequired'),
  }),
  resource: (ctx, input) => userResource(ctx, input.userName),
  run: async (ctx, input) => {
    await updateLoginProfile(ctx.deps, input);
    return undefined;
  },
});
