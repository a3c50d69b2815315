import { listPolicies } from '../../domain/policies/managed.js';
import type { PolicyListFilter } from '../../domain/policies/types.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { paged } from './common.js';
import { policyXml } from './policy-xml.js';

export default defineAction({
  service: 'iam',
  name: 'ListPolicies',
  read: (p) => ({
    scope: (p.string('Scope', S.policyScope) ?? 'All') as PolicyListFilter['scope'],
    onlyAttached: p.boolean('OnlyAttached', 'onlyAttached') ?? false,
    pathPrefix: p.string('PathPrefix', S.policyPathPrefix) ?? '/',
    usage: p.string('PolicyUsageFilter', S.policyUsageFilter),
    ...p.page(),
  }),
  resource: () => '*',
  run: async (ctx, input) => {
    const page = await listPolicies(ctx.deps, input);
    return paged('Policies', page, (policy) => policyXml(policy));
  },
});
