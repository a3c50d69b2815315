import { groupArn } from '../../domain/arn.js';
import { createGroup } from '../../domain/policies/groups.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { groupXml } from './policy-xml.js';

export default defineAction({
  service: 'iam',
  name: 'CreateGroup',
  read: (p) => ({
    groupName: p.required('GroupName', S.groupName),
    path: p.string('Path', S.path) ?? '/',
  }),
  resource: (ctx, input) => groupArn(ctx.deps.settings.accountId, input.path, input.groupName),
  run: async (ctx, input) => {
    const group = await createGroup(ctx.deps, input);
    return { Group: groupXml(ctx, group) };
  },
});
