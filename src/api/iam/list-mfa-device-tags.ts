import { listMfaDeviceTags } from '../../domain/mfa/devices.js';
import { pageOf } from '../../domain/paging.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { paged } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'ListMFADeviceTags',
  read: (p) => ({
    serialNumber: p.required('SerialNumber', S.serialNumber),
    marker: p.string('Marker', S.marker),
    maxItems: p.integer('MaxItems', S.maxItems) ?? 100,
  }),
  resource: (_ctx, input) => input.serialNumber,
  run: async (ctx, input) => {
    const tags = await listMfaDeviceTags(ctx.deps, input.serialNumber);
    const page = await pageOf(
      input.maxItems,
      input.marker,
      async (after, limit) =>
        tags.slice(
          after === undefined ? 0 : Number(after),
          (after === undefined ? 0 : Number(after)) + limit,
        ),
      (tag) => String(tags.indexOf(tag) + 1),
    );
    return paged('Tags', page, (tag) => ({ Key: tag.key, Value: tag.value }));
  },
});
