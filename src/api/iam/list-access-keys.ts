import { listAccessKeys } from '../../domain/access-keys.js';
import { pageList } from '../../domain/paging.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { isoTime } from '../xml.js';
import { paged, targetUserName, userResource } from './common.js';
import { keyOwner } from './access-key-owner.js';

export default defineAction({
  service: 'iam',
  name: 'ListAccessKeys',
  read: (p) => ({
    userName: p.string('UserName', S.existingUserName),
    ...p.page(),
  }),
  resource: (ctx, input) => userResource(ctx, targetUserName(ctx, input.userName)),
  run: async (ctx, input) => {
    const owner = await keyOwner(ctx, input.userName);
    const keys = await listAccessKeys(ctx.deps, owner.userId);
    const page = pageList(keys, input.maxItems, input.marker);
    return paged('AccessKeyMetadata', page, (key) => ({
      UserName: owner.userName,
      AccessKeyId: key.accessKeyId,
      Status: key.status,
      CreateDate: isoTime(key.createdAt),
    }));
  },
});
