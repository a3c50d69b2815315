import { createAccessKey } from '../../domain/access-keys.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { isoTime } from '../xml.js';
import { targetUserName, userResource } from './common.js';
import { keyOwner } from './access-key-owner.js';

export default defineAction({
  service: 'iam',
  name: 'CreateAccessKey',
  read: (p) => ({ userName: p.string('UserName', S.existingUserName) }),
  resource: (ctx, input) => userResource(ctx, targetUserName(ctx, input.userName)),
  run: async (ctx, input) => {
    const owner = await keyOwner(ctx, input.userName);
    const { key, secretAccessKey } = await createAccessKey(ctx.deps, owner.userId);
    return {
      AccessKey: {
        UserName: owner.userName,
        AccessKeyId: key.accessKeyId,
        Status: key.status,
        SecretAccessKey: secretAccessKey,
        CreateDate: isoTime(key.createdAt),
      },
    };
  },
});
