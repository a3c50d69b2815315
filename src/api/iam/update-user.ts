import { updateUser } from '../../domain/users.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { userResource } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'UpdateUser',
  read: (p) => ({
    userName: p.required('UserName', S.existingUserName),
    newUserName: p.string('NewUserName', S.newUserName),
    newPath: p.string('NewPath', S.newPath),
  }),
  resource: (ctx, input) => userResource(ctx, input.userName),
  run: async (ctx, input) => {
    await updateUser(ctx.deps, input);
    return undefined;
  },
});
