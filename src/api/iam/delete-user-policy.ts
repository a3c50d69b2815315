import { deleteInlinePolicy } from '../../domain/policies/inline.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { userResource } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'DeleteUserPolicy',
  read: (p) => ({
    name: p.required('UserName', S.existingUserName),
    policyName: p.required('PolicyName', S.policyName),
  }),
  resource: (ctx, input) => userResource(ctx, input.name),
  run: async (ctx, input) => {
    await deleteInlinePolicy(ctx.deps, { kind: 'user', name: input.name }, input.policyName);
    return undefined;
  },
});
