import { getGroup } from '../../domain/policies/groups.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { userXml } from './common.js';
import { groupResource, groupXml } from './policy-xml.js';

export default defineAction({
  service: 'iam',
  name: 'GetGroup',
  read: (p) => ({
    groupName: p.required('GroupName', S.groupName),
    ...p.page(),
  }),
  resource: (ctx, input) => groupResource(ctx, input.groupName),
  run: async (ctx, input) => {
    const { group, users } = await getGroup(ctx.deps, input.groupName, input);
    return {
      Group: groupXml(ctx, group),
      Users: users.items.map((user) => userXml(ctx, user)),
      IsTruncated: users.marker !== undefined,
      Marker: users.marker,
    };
  },
});
