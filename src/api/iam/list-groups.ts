import { listGroups } from '../../domain/policies/groups.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { paged } from './common.js';
import { groupXml } from './policy-xml.js';

export default defineAction({
  service: 'iam',
  name: 'ListGroups',
  read: (p) => ({
    pathPrefix: p.string('PathPrefix', S.pathPrefix) ?? '/',
    ...p.page(),
  }),
  resource: () => '*',
  run: async (ctx, input) => {
    const page = await listGroups(ctx.deps, input);
    return paged('Groups', page, (group) => groupXml(ctx, group));
  },
});
