import { getPolicyVersion } from '../../domain/policies/versions.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { policyVersionXml } from './policy-xml.js';

export default defineAction({
  service: 'iam',
  name: 'GetPolicyVersion',
  read: (p) => ({
    policyArn: p.required('PolicyArn', S.policyArn),
    versionId: p.required('VersionId', S.versionId),
  }),
  resource: (_ctx, input) => input.policyArn,
  run: async (ctx, input) => {
    const version = await getPolicyVersion(ctx.deps, input);
    return { PolicyVersion: policyVersionXml(version, true) };
  },
});
