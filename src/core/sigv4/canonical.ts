import { createHash } from 'node:crypto';

import { SigV4Error } from './errors.js';
import { header } from './parse.js';
import type { SignedRequest, SigV4Claim } from './types.js';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** RFC 3986 encoding as SigV4 wants it: only A-Z a-z 0-9 - _ . ~ stay bare. */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The canonical request (SigV4 step 1): method, canonical path, canonical query, the headers the
 * request itself listed as signed, that list, and the payload hash.
 */
export function canonicalRequest(req: SignedRequest, claim: SigV4Claim): string {
  return [
    req.method.toUpperCase(),
    canonicalPath(req.path),
    canonicalQuery(req.query, claim.presigned),
    canonicalHeaders(req, claim.signedHeaders),
    claim.signedHeaders.join(';'),
    payloadHash(req, claim),
  ].join('\n');
}

export function stringToSign(claim: SigV4Claim, canonicalRequestHash: string): string {
  const { date, region, service } = claim.credential;
  return [
    'AWS4-HMAC-SHA256',
    claim.amzDate,
    `${date}/${region}/${service}/aws4_request`,
    canonicalRequestHash,
  ].join('\n');
}

/** Non-S3 services: dot segments removed, each segment encoded once more than it was sent. */
function canonicalPath(path: string): string {
  if (path === '' || path === '/') return '/';

  const out: string[] = [];
  for (const segment of path.split('/').slice(1)) {
    if (segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(uriEncode(segment));
  }
  const joined = `/${out.join('/')}`;
  return path.endsWith('/') && joined !== '/' ? `${joined}/` : joined;
}

function canonicalQuery(query: string, presigned: boolean): string {
  if (query.length === 0) return '';

  const pairs: Array<[string, string]> = [];
  for (const pair of query.split('&')) {
    if (pair.length === 0) continue;
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    if (presigned && name === 'X-Amz-Signature') continue;
    pairs.push([uriEncode(name), uriEncode(decode(eq < 0 ? '' : pair.slice(eq + 1)))]);
  }

  pairs.sort((a, b) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0,
  );
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

function canonicalHeaders(req: SignedRequest, signed: string[]): string {
  let out = '';
  for (const name of signed) {
    const value = header(req, name.toLowerCase()) ?? '';
    out += `${name.toLowerCase()}:${value.trim().replace(/\s+/g, ' ')}\n`;
  }
  return out;
}

function payloadHash(req: SignedRequest, claim: SigV4Claim): string {
  const declared = header(req, 'x-amz-content-sha256');
  if (declared === 'UNSIGNED-PAYLOAD' && claim.signedHeaders.includes('x-amz-content-sha256')) {
    return declared;
  }

  const actual = req.body.length === 0 ? EMPTY_SHA256 : sha256Hex(req.body);
  if (declared !== undefined && declared !== actual) {
    throw new SigV4Error(
      'SignatureDoesNotMatch',
      'The provided x-amz-content-sha256 header does not match what was computed.',
    );
  }
  return actual;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new SigV4Error(
      'IncompleteSignature',
      'The query string has a malformed percent-encoding.',
    );
  }
}
