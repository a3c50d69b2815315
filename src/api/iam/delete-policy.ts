import { deletePolicy } from '../../domain/policies/managed.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';

export default defineAction({
  service: 'iam',
  name: 'DeletePolicy',
  read: (p) => ({ policyArn: p.required('PolicyArn', S.policyArn) }),
  resource: (_ctx, input) => input.policyArn,
  run: async (ctx, input) => {
    await deletePolicy(ctx.deps, input.policyArn);
    return undefined;
  },
});
