import { putInlinePolicy } from '../../domain/policies/inline.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { userResource } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'PutUserPolicy',
  read: (p) => ({
    name: p.required('UserName', S.existingUserName),
    policyName: p.required('PolicyName', S.policyName),
    document: p.required('PolicyDocument', S.policyDocument),
  }),
  resource: (ctx, input) => userResource(ctx, input.name),
  run: async (ctx, input) => {
    const { policyName, document } = input;
    await putInlinePolicy(ctx.deps, { kind: 'user', name: input.name }, { policyName, document });
    return undefined;
  },
});
