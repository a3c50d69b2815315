import { deletePolicyVersion } from '../../domain/policies/versions.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';

export default defineAction({
  service: 'iam',
  name: 'DeletePolicyVersion',
  read: (p) => ({
    policyArn: p.required('PolicyArn', S.policyArn),
    versionId: p.required('VersionId', S.versionId),
  }),
  resource: (_ctx, input) => input.policyArn,
  run: async (ctx, input) => {
    await deletePolicyVersion(ctx.deps, input);
    return undefined;
  },
});
