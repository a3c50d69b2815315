import { policyArn } from '../../domain/arn.js';
import { createPolicy } from '../../domain/policies/managed.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { policyXml } from './policy-xml.js';

export default defineAction({
  service: 'iam',
  name: 'CreatePolicy',
  read: (p) => ({
    policyName: p.required('PolicyName', S.policyName),
    path: p.string('Path', S.policyPath) ?? '/',
    document: p.required('PolicyDocument', S.policyDocument),
    description: p.string('Description', S.policyDescription),
    tags: p.tags(),
  }),
  resource: (ctx, input) => policyArn(ctx.deps.settings.accountId, input.path, input.policyName),
  run: async (ctx, input) => {
    const policy = await createPolicy(ctx.deps, input);
    return { Policy: policyXml(policy, { tags: input.tags }) };
  },
});
