import { getInlinePolicy } from '../../domain/policies/inline.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { encodedDocument, groupResource } from './policy-xml.js';

export default defineAction({
  service: 'iam',
  name: 'GetGroupPolicy',
  read: (p) => ({
    name: p.required('GroupName', S.groupName),
    policyName: p.required('PolicyName', S.policyName),
  }),
  resource: (ctx, input) => groupResource(ctx, input.name),
  run: async (ctx, input) => {
    const holder = { kind: 'group', name: input.name } as const;
    const policy = await getInlinePolicy(ctx.deps, holder, input.policyName);
    return {
      GroupName: policy.holderName,
      PolicyName: policy.policyName,
      PolicyDocument: encodedDocument(policy.document),
    };
  },
});
