import { deleteUser } from '../../domain/users.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { userResource } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'DeleteUser',
  read: (p) => ({ userName: p.required('UserName', S.existingUserName) }),
  resource: (ctx, input) => userResource(ctx, input.userName),
  run: async (ctx, input) => {
    await deleteUser(ctx.deps, input.userName);
    return undefined;
  },
});
