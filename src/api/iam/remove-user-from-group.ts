import { removeUserFromGroup } from '../../domain/policies/groups.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { groupResource } from './policy-xml.js';

export default defineAction({
  service: 'iam',
  name: 'RemoveUserFromGroup',
  read: (p) => ({
    groupName: p.required('GroupName', S.groupName),
    userName: p.required('UserName', S.existingUserName),
  }),
  resource: (ctx, input) => groupResource(ctx, input.groupName),
  run: async (ctx, input) => {
    await removeUserFromGroup(ctx.deps, input);
    return undefined;
  },
});
