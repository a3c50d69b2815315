import { updateAccessKey } from '../../domain/access-keys.js';
import type { AccessKeyStatus } from '../../domain/types.js';
import { InvalidInput } from '../../domain/errors.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { targetUserName, userResource } from './common.js';
import { keyOwner } from './access-key-owner.js';

export default defineAction({
  service: 'iam',
  name: 'UpdateAccessKey',
  read: (p) => ({
    userName: p.string('UserName', S.existingUserName),
    accessKeyId: p.required('AccessKeyId', S.accessKeyId),
    status: p.required('Status', S.accessKeyStatus),
  }),
  resource: (ctx, input) => userResource(ctx, targetUserName(ctx, input.userName)),
  run: async (ctx, input) => {
    if (input.status === 'Expired')
      throw new InvalidInput('Status Expired cannot be set by a caller.');
    const owner = await keyOwner(ctx, input.userName);
    await updateAccessKey(
      ctx.deps,
      owner.userId,
      input.accessKeyId,
      input.status as AccessKeyStatus,
    );
    return undefined;
  },
});
