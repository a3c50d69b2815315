import { getLoginProfile } from '../../domain/login-profiles.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { isoTime } from '../xml.js';
import { userResource } from './common.js';
import { loginProfileUser } from './login-profile-target.js';

export default defineAction({
  service: 'iam',
  name: 'GetLoginProfile',
  read: (p) => ({ userName: p.string('UserName', S.existingUserName) }),
  resource: (ctx, input) => userResource(ctx, loginProfileUser(ctx, input.userName)),
  run: async (ctx, input) => {
    const { user, profile } = await getLoginProfile(
      ctx.deps,
      loginProfileUser(ctx, input.userName),
    );
    return {
      LoginProfile: {
        UserName: user.userName,
        CreateDate: isoTime(profile.createdAt),
        PasswordResetRequired: profile.passwordResetRequired,
      },
    };
  },
});
