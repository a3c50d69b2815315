import { listPolicyVersions } from '../../domain/policies/versions.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { paged } from './common.js';
import { policyVersionXml } from './policy-xml.js';

export default defineAction({
  service: 'iam',
  name: 'ListPolicyVersions',
  read: (p) => ({
    policyArn: p.required('PolicyArn', S.policyArn),
    ...p.page(),
  }),
  resource: (_ctx, input) => input.policyArn,
  run: async (ctx, input) => {
    const page = await listPolicyVersions(ctx.deps, input.policyArn, input);
    return paged('Versions', page, (version) => policyVersionXml(version, false));
  },
});
