import { listInlinePolicies } from '../../domain/policies/inline.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { paged } from './common.js';
import { userResource } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'ListUserPolicies',
  read: (p) => ({
    name: p.required('UserName', S.existingUserName),
    ...p.page(),
  }),
  resource: (ctx, input) => userResource(ctx, input.name),
  run: async (ctx, input) => {
    const page = await listInlinePolicies(ctx.deps, { kind: 'user', name: input.name }, input);
    return paged('PolicyNames', page, (policy) => policy.policyName);
  },
});
