import { userArn } from '../../domain/arn.js';
import { createUser } from '../../domain/users.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { userXml } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'CreateUser',
  read: (p) => ({
    userName: p.required('UserName', S.userName),
    path: p.string('Path', S.path) ?? '/',
    tags: p.tags(),
  }),
  resource: (ctx, input) => userArn(ctx.deps.settings.accountId, input.path, input.userName),
  run: async (ctx, input) => {
    const user = await createUser(ctx.deps, input);
    return { User: userXml(ctx, user, input.tags) };
  },
});
