import { rootArn } from '../../domain/arn.js';
import { ValidationError } from '../../domain/errors.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { isoTime } from '../xml.js';
import { targetUser, targetUserName, userResource, userXml } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'GetUser',
  read: (p, ctx) => ({ userName: targetUserName(ctx, p.string('UserName', S.existingUserName)) }),
  resource: (ctx, input) => userResource(ctx, input.userName),
  run: async (ctx, input) => {
    if (input.userName === undefined) {
      if (ctx.principal.kind !== 'root') {
        throw new ValidationError('Must specify userName when calling with non-User credentials');
      }
      const { accountId } = ctx.deps.settings;
      const account = await ctx.deps.store.account.get();
      return {
        User: {
          UserId: accountId,
          Arn: rootArn(accountId),
          CreateDate: isoTime(account?.createdAt ?? 0),
        },
      };
    }

    const user = (await targetUser(ctx, input.userName))!;
    return { User: userXml(ctx, user, await ctx.deps.store.users.tags(user.userId)) };
  },
});
