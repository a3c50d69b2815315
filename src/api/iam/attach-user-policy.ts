import { attachPolicy } from '../../domain/policies/attachments.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { userResource } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'AttachUserPolicy',
  read: (p) => ({
    name: p.required('UserName', S.userName),
    policyArn: p.required('PolicyArn', S.policyArn),
  }),
  resource: (ctx, input) => userResource(ctx, input.name),
  run: async (ctx, input) => {
    await attachPolicy(ctx.deps, { kind: 'user', name: input.name }, input.policyArn);
    return undefined;
  },
});
