export interface SignedRequest {
  method: string;
  /** The URL path without its query, as received. */
  path: string;
  /** The raw query string after '?', '' when there is none. */
  query: string;
  /** Node's IncomingHttpHeaders: lower-case names. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface Credential {
  accessKeyId: string;
  /** YYYYMMDD */
  date: string;
  region: string;
  service: string;
}

/** What a request claims about its signature, before any secret is known. */
export interface SigV4Claim {
  credential: Credential;
  /** YYYYMMDDTHHMMSSZ */
  amzDate: string;
  signedHeaders: string[];
  /** 64 lower-case hex characters. */
  signature: string;
  securityToken?: string;
  presigned: boolean;
  expiresSeconds?: number;
}
