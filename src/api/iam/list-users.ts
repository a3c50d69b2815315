import { listUsers } from '../../domain/users.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { paged, userXml } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'ListUsers',
  read: (p) => ({
    pathPrefix: p.string('PathPrefix', S.pathPrefix) ?? '/',
    ...p.page(),
  }),
  resource: () => '*',
  run: async (ctx, input) => {
    const page = await listUsers(ctx.deps, input);
    return paged('Users', page, (user) => userXml(ctx, user));
  },
});
