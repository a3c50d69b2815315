import { listInlinePolicies } from '../../domain/policies/inline.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { paged } from './common.js';
import { groupResource } from './policy-xml.js';

export default defineAction({
  service: 'iam',
  name: 'ListGroupPolicies',
  read: (p) => ({
    name: p.required('GroupName', S.groupName),
    ...p.page(),
  }),
  resource: (ctx, input) => groupResource(ctx, input.name),
  run: async (ctx, input) => {
    const page = await listInlinePolicies(ctx.deps, { kind: 'group', name: input.name }, input);
    return paged('PolicyNames', page, (policy) => policy.policyName);
  },
});
