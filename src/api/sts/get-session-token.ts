import { getSessionToken } from '../../domain/sts.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { isoTime } from '../xml.js';

/** Not governed by policies (no `resource`): it is how a caller proves MFA in the first place. */
export default defineAction({
  service: 'sts',
  name: 'GetSessionToken',
  read: (p) => ({
    durationSeconds: p.integer('DurationSeconds', S.durationSeconds),
    serialNumber: p.string('SerialNumber', S.stsSerialNumber),
    tokenCode: p.string('TokenCode', S.tokenCode),
  }),
  run: async (ctx, input) => {
    const credentials = await getSessionToken(ctx.deps, ctx.principal, input);
    return {
      Credentials: {
        AccessKeyId: credentials.accessKeyId,
        SecretAccessKey: credentials.secretAccessKey,
        SessionToken: credentials.sessionToken,
        Expiration: isoTime(credentials.expiration),
      },
    };
  },
});
