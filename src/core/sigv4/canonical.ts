import { createHash } from 'node:crypto';

import { canonicalHeaderValue } from './headers.js';
import { encodePath, recodeComponent } from './percent.js';
import type { SignedRequest, SigV4Claim } from './types.js';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/**
 * Hex SHA-256 of a canonical request. Latin1 turns each character back into the byte node read
 * off the wire, so a header with non-ASCII bytes hashes exactly as the client signed it; every
 * other part of the canonical request is ASCII by construction.
 */
export function hashCanonicalRequest(canonical: string): string {
  return createHash('sha256').update(canonical, 'latin1').digest('hex');
}

export function hashPayload(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

/**
 * SigV4 step 1, for non-S3 services: method, canonical path, canonical query, the headers the
 * request listed as signed, that list, and the payload hash (the one the client declared, if it
 * signed one; verifySigV4 checks the declaration against the body).
 */
export function canonicalRequest(req: SignedRequest, claim: SigV4Claim): string {
  return buildCanonicalRequest(req, claim, claim.payloadHash ?? hashPayload(req.body));
}

export function buildCanonicalRequest(
  req: SignedRequest,
  claim: SigV4Claim,
  payloadHash: string,
): string {
  return (
    req.method +
    '\n' +
    canonicalUri(req.path) +
    '\n' +
    canonicalQuery(req.query, claim.presigned) +
    '\n' +
    canonicalHeaders(req, claim.signedHeaders) +
    '\n' +
    claim.signedHeaders.join(';') +
    '\n' +
    payloadHash
  );
}

/** SigV4 step 2. */
export function stringToSign(claim: SigV4Claim, canonicalRequestHash: string): string {
  const { date, region, service } = claim.credential;
  const scope = `${date}/${region}/${service}/aws4_request`;
  return `${ALGORITHM}\n${claim.amzDate}\n${scope}\n${canonicalRequestHash}`;
}

/**
 * The path with dot segments and empty segments removed (as botocore and the JS SDK normalise
 * before signing), then encoded once more than it was sent.
 */
export function canonicalUri(path: string): string {
  if (path === '/' || path === '') return '/';

  const kept: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') kept.pop();
    else kept.push(segment);
  }

  const lead = path.charCodeAt(0) === 47 ? '/' : '';
  const trail = kept.length > 0 && path.charCodeAt(path.length - 1) === 47 ? '/' : '';
  return encodePath(lead + kept.join('/') + trail);
}

function byNameThenValue(a: [string, string], b: [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

/**
 * Every parameter re-encoded per RFC 3986 and sorted by encoded name, then value. In the
 * presigned form X-Amz-Signature is left out: it is the one value that cannot sign itself.
 */
export function canonicalQuery(query: string, presigned: boolean): string {
  if (query === '') return '';

  const pairs: Array<[string, string]> = [];
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = recodeComponent(eq < 0 ? pair : pair.slice(0, eq));
    if (presigned && name === 'X-Amz-Signature') continue;
    pairs.push([name, eq < 0 ? '' : recodeComponent(pair.slice(eq + 1))]);
  }
  pairs.sort(byNameThenValue);

  let out = '';
  for (let i = 0; i < pairs.length; i++) {
    out += (i === 0 ? '' : '&') + pairs[i]![0] + '=' + pairs[i]![1];
  }
  return out;
}

/** `name:value\n` for each signed header, in the order the client listed them. */
function canonicalHeaders(req: SignedRequest, signed: readonly string[]): string {
  let out = '';
  for (const name of signed) {
    out += name + ':' + canonicalHeaderValue(req.headers[name.toLowerCase()]) + '\n';
  }
  return out;
}
