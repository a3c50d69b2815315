import type { User } from './types.js';

/** Who signed a request, and how. */
export interface Principal {
  kind: 'root' | 'user';
  accountId: string;
  arn: string;
  /** The AIDA... id for users, the account id for root. */
  userId: string;
  user?: User;
  accessKeyId: string;
  /** Present when the request was signed with STS session credentials. */
  session?: {
    mfaAuthenticated: boolean;
    mfaAuthenticatedAt: number | null;
    expiresAt: number;
    /** When the session's credentials were issued (aws:TokenIssueTime), if known. */
    issuedAt?: number;
  };
}
