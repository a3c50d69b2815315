import { getPolicy } from '../../domain/policies/managed.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { policyXml } from './policy-xml.js';

export default defineAction({
  service: 'iam',
  name: 'GetPolicy',
  read: (p) => ({ policyArn: p.required('PolicyArn', S.policyArn) }),
  resource: (_ctx, input) => input.policyArn,
  run: async (ctx, input) => {
    const { policy, tags } = await getPolicy(ctx.deps, input.policyArn);
    return { Policy: policyXml(policy, { tags }) };
  },
});
