import { putInlinePolicy } from '../../domain/policies/inline.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { groupResource } from './policy-xml.js';

export default defineAction({
  service: 'iam',
  name: 'PutGroupPolicy',
  read: (p) => ({
    name: p.required('GroupName', S.groupName),
    policyName: p.required('PolicyName', S.policyName),
    document: p.required('PolicyDocument', S.policyDocument),
  }),
  resource: (ctx, input) => groupResource(ctx, input.name),
  run: async (ctx, input) => {
    const { policyName, document } = input;
    await putInlinePolicy(ctx.deps, { kind: 'group', name: input.name }, { policyName, document });
    return undefined;
  },
});
