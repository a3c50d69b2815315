import { listGroupsForUser } from '../../domain/policies/groups.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { paged, userResource } from './common.js';
import { groupXml } from './policy-xml.js';

export default defineAction({
  service: 'iam',
  name: 'ListGroupsForUser',
  read: (p) => ({
    userName: p.required('UserName', S.existingUserName),
    ...p.page(),
  }),
  resource: (ctx, input) => userResource(ctx, input.userName),
  run: async (ctx, input) => {
    const page = await listGroupsForUser(ctx.deps, input.userName, input);
    return paged('Groups', page, (group) => groupXml(ctx, group));
  },
});
