import { attachPolicy } from '../../domain/policies/attachments.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { groupResource } from './policy-xml.js';

export default defineAction({
  service: 'iam',
  name: 'AttachGroupPolicy',
  read: (p) => ({
    name: p.required('GroupName', S.groupName),
    policyArn: p.required('PolicyArn', S.policyArn),
  }),
  resource: (ctx, input) => groupResource(ctx, input.name),
  run: async (ctx, input) => {
    await attachPolicy(ctx.deps, { kind: 'group', name: input.name }, input.policyArn);
    return undefined;
  },
});
