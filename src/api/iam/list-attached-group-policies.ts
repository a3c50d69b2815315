import { listAttachedPolicies } from '../../domain/policies/attachments.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { paged } from './common.js';
import { attachedPolicyXml, groupResource } from './policy-xml.js';

export default defineAction({
  service: 'iam',
  name: 'ListAttachedGroupPolicies',
  read: (p) => ({
    name: p.required('GroupName', S.groupName),
    pathPrefix: p.string('PathPrefix', S.policyPathPrefix) ?? '/',
    ...p.page(),
  }),
  resource: (ctx, input) => groupResource(ctx, input.name),
  run: async (ctx, input) => {
    const page = await listAttachedPolicies(ctx.deps, { kind: 'group', name: input.name }, input);
    return paged('AttachedPolicies', page, attachedPolicyXml);
  },
});
