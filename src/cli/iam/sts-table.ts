import type { Table } from './operations.js';

/** The STS parameters each action of the server reads (src/api/sts); see iam-table.ts. */
export const STS: Table = {
  GetSessionToken: { DurationSeconds: 'integer', SerialNumber: 'string', TokenCode: 'string' },
  GetCallerIdentity: {},
};
