import { defineAction } from '../action.js';

/** Needs no permission and cannot be denied, as in AWS. */
export default defineAction({
  service: 'sts',
  name: 'GetCallerIdentity',
  read: () => ({}),
  run: async (ctx) => ({
    UserId: ctx.principal.userId,
    Account: ctx.principal.accountId,
    Arn: ctx.principal.arn,
  }),
});
