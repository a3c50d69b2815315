import { createLoginProfile, hashNewPassword } from '../../domain/login-profiles.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { isoTime } from '../xml.js';
import { userResource } from './common.js';
import { loginProfileUser } from './login-profile-target.js';

interface Input {
  userName?: string;
  password: string;
  passwordHash?: string;
  passwordResetRequired: boolean;
}

export default defineAction<Input>({
  service: 'iam',
  name: 'CreateLoginProfile',
  read: (p) => ({
    userName: p.string('UserName', S.userName),
    password: p.required('Password', S.password),
    passwordResetRequired: p.boolean('PasswordResetRequired', 'passwordResetRequired') ?? false,
  }),
  prepare: async (ctx, input) => {
    const userName = loginProfileUser(ctx, input.userName);
    return { ...input, passwordHash: await hashNewPassword(ctx.deps, input.password, userName) };
  },
  resource: (ctx, input) => userResource(ctx, loginProfileUser(ctx, input.userName)),
  run: async (ctx, input) => {
    const userName = loginProfileUser(ctx, input.userName);
    const { user, profile } = await createLoginProfile(ctx.deps, { ...input, userName });
    return {
      LoginProfile: {
        UserName: user.userName,
        CreateDate: isoTime(profile.createdAt),
        PasswordResetRequired: profile.passwordResetRequired,
      },
    };
  },
});
