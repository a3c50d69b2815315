import { listMfaDeviceTags } from '../../domain/mfa/devices.js';
import { pageList } from '../../domain/paging.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { paged } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'ListMFADeviceTags',
  read: (p) => ({
    serialNumber: p.required('SerialNumber', S.serialNumber),
    ...p.page(),
  }),
  resource: (_ctx, input) => input.serialNumber,
  run: async (ctx, input) => {
    const tags = await listMfaDeviceTags(ctx.deps, input.serialNumber);
    const page = pageList(tags, input.maxItems, input.marker);
    return paged('Tags', page, (tag) => ({ Key: tag.key, Value: tag.value }));
  },
});
