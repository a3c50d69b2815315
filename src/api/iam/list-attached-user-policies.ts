import { listAttachedPolicies } from '../../domain/policies/attachments.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { paged } from './common.js';
import { attachedPolicyXml } from './policy-xml.js';
import { userResource } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'ListAttachedUserPolicies',
  read: (p) => ({
    name: p.required('UserName', S.userName),
    pathPrefix: p.string('PathPrefix', S.policyPathPrefix) ?? '/',
    ...p.page(),
  }),
  resource: (ctx, input) => userResource(ctx, input.name),
  run: async (ctx, input) => {
    const page = await listAttachedPolicies(ctx.deps, { kind: 'user', name: input.name }, input);
    return paged('AttachedPolicies', page, attachedPolicyXml);
  },
});
