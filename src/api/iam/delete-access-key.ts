import { deleteAccessKey } from '../../domain/access-keys.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { targetUserName, userResource } from './common.js';
import { keyOwner } from './access-key-owner.js';

export default defineAction({
  service: 'iam',
  name: 'DeleteAccessKey',
  read: (p) => ({
    userName: p.string('UserName', S.existingUserName),
    accessKeyId: p.required('AccessKeyId', S.accessKeyId),
  }),
  resource: (ctx, input) => userResource(ctx, targetUserName(ctx, input.userName)),
  run: async (ctx, input) => {
    const owner = await keyOwner(ctx, input.userName);
    await deleteAccessKey(ctx.deps, owner.userId, input.accessKeyId);
    return undefined;
  },
});
