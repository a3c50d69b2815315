import { deleteLoginProfile } from '../../domain/login-profiles.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { userResource } from './common.js';
import { loginProfileUser } from './login-profile-target.js';

export default defineAction({
  service: 'iam',
  name: 'DeleteLoginProfile',
  read: (p) => ({ userName: p.string('UserName', S.existingUserName) }),
  resource: (ctx, input) => userResource(ctx, loginProfileUser(ctx, input.userName)),
  run: async (ctx, input) => {
    await deleteLoginProfile(ctx.deps, loginProfileUser(ctx, input.userName));
    return undefined;
  },
});
