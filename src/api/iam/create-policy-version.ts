import { createPolicyVersion } from '../../domain/policies/versions.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { policyVersionXml } from './policy-xml.js';

export default defineAction({
  service: 'iam',
  name: 'CreatePolicyVersion',
  read: (p) => ({
    policyArn: p.required('PolicyArn', S.policyArn),
    document: p.required('PolicyDocument', S.policyDocument),
    setAsDefault: p.boolean('SetAsDefault', 'setAsDefault') ?? false,
  }),
  resource: (_ctx, input) => input.policyArn,
  run: async (ctx, input) => {
    const version = await createPolicyVersion(ctx.deps, input);
    return { PolicyVersion: policyVersionXml(version, false) };
  },
});
