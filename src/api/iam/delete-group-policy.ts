import { deleteInlinePolicy } from '../../domain/policies/inline.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { groupResource } from './policy-xml.js';

export default defineAction({
  service: 'iam',
  name: 'DeleteGroupPolicy',
  read: (p) => ({
    name: p.required('GroupName', S.groupName),
    policyName: p.required('PolicyName', S.policyName),
  }),
  resource: (ctx, input) => groupResource(ctx, input.name),
  run: async (ctx, input) => {
    await deleteInlinePolicy(ctx.deps, { kind: 'group', name: input.name }, input.policyName);
    return undefined;
  },
});
