import { deleteGroup } from '../../domain/policies/groups.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { groupResource } from './policy-xml.js';

export default defineAction({
  service: 'iam',
  name: 'DeleteGroup',
  read: (p) => ({ groupName: p.required('GroupName', S.groupName) }),
  resource: (ctx, input) => groupResource(ctx, input.groupName),
  run: async (ctx, input) => {
    await deleteGroup(ctx.deps, input.groupName);
    return undefined;
  },
});
