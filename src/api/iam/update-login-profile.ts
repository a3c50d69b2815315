import { hashNewPassword, updateLoginProfile } from '../../domain/login-profiles.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { userResource } from './common.js';

interface Input {
  userName: string;
  password?: string;
  passwordHash?: string;
  passwordResetRequired?: boolean;
}

export default defineAction<Input>({
  service: 'iam',
  name: 'UpdateLoginProfile',
  read: (p) => ({
    userName: p.required('UserName', S.existingUserName),
    password: p.string('Password', S.password),
    passwordResetRequired: p.boolean('PasswordResetRequired', 'passwordResetRequired'),
  }),
  prepare: async (ctx, input) => {
    if (input.password === undefined) return input;
    const passwordHash = await hashNewPassword(ctx.deps, input.password, input.userName);
    return { ...input, passwordHash };
  },
  resource: (ctx, input) => userResource(ctx, input.userName),
  run: async (ctx, input) => {
    await updateLoginProfile(ctx.deps, input);
    return undefined;
  },
});
