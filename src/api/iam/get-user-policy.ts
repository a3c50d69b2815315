import { getInlinePolicy } from '../../domain/policies/inline.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { encodedDocument } from './policy-xml.js';
import { userResource } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'GetUserPolicy',
  read: (p) => ({
    name: p.required('UserName', S.existingUserName),
    policyName: p.required('PolicyName', S.policyName),
  }),
  resource: (ctx, input) => userResource(ctx, input.name),
  run: async (ctx, input) => {
    const holder = { kind: 'user', name: input.name } as const;
    const policy = await getInlinePolicy(ctx.deps, holder, input.policyName);
    return {
      UserName: policy.holderName,
      PolicyName: policy.policyName,
      PolicyDocument: encodedDocument(policy.document),
    };
  },
});
