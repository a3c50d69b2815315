/**
 * A request as the HTTP server received it. Strings are byte strings the way node's HTTP parser
 * hands them over: header values decoded as latin1, path and query as sent, still percent-encoded.
 */
export interface SignedRequest {
  method: string;
  /** URL path without the query, as received, e.g. '/'. */
  path: string;
  /** Raw query string after '?', '' if none. */
  query: string;
  /** node's IncomingHttpHeaders (lower-case names); `headersDistinct` keeps repeats apart. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** The credential scope: `<accessKeyId>/<date>/<region>/<service>/aws4_request`. */
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
  /** YYYYMMDDTHHMMSSZ; converted from the Date header when that stands in for X-Amz-Date. */
  amzDate: string;
  /** As listed by the client; canonicalised in this order. */
  signedHeaders: string[];
  /** As sent; a well-formed one is 64 lower-case hex digits. */
  signature: string;
  /** x-amz-security-token header (header form) or X-Amz-Security-Token param (query form). */
  securityToken?: string;
  presigned: boolean;
  /** X-Amz-Expires, presigned only; when absent the usual 15-minute window applies. */
  expiresSeconds?: number;
  /**
   * The payload hash the client signed in place of hashing the body: a signed
   * x-amz-content-sha256 header, or an X-Amz-Content-Sha256 query parameter. Verification
   * accepts it only if it is UNSIGNED-PAYLOAD or equals the hash of the body.
   */
  payloadHash?: string;
}
