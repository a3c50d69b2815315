import { ALGORITHM } from './canonical.js';
import { formatAmzDate, parseAmzDate, parseHttpDate } from './dates.js';
import { incomplete, mismatch, SigV4Error } from './errors.js';
import { readHeader } from './headers.js';
import { decodeComponent } from './percent.js';
import type { Credential, SignedRequest, SigV4Claim } from './types.js';

/** The three Authorization parameters, in the order AWS lists the missing ones. */
const HEADER_PARAMS = ['Credential', 'Signature', 'SignedHeaders'] as const;
const QUERY_REQUIRED = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Signature',
  'X-Amz-SignedHeaders',
  'X-Amz-Date',
] as const;
const QUERY_PARAMS = new Set<string>([
  ...QUERY_REQUIRED,
  'X-Amz-Expires',
  'X-Amz-Security-Token',
  'X-Amz-Content-Sha256',
]);
/** AWS refuses presigned URLs valid for more than seven days. */
const MAX_EXPIRES_SECONDS = 604_800;

/** Whether the request tries SigV4 at all; routes the API apart from the web console. */
export function hasSigV4(req: SignedRequest): boolean {
  const auth = readHeader(req, 'authorization');
  if (auth !== undefined && auth.startsWith(ALGORITHM)) return true;
  return hasParam(req.query, 'X-Amz-Algorithm') || hasParam(req.query, 'X-Amz-Signature');
}

/** Whether `name` appears as a whole parameter name of the raw query. */
function hasParam(query: string, name: string): boolean {
  for (let at = query.indexOf(name); at >= 0; at = query.indexOf(name, at + 1)) {
    const end = at + name.length;
    const after = end === query.length ? 38 : query.charCodeAt(end);
    if ((at === 0 || query.charCodeAt(at - 1) === 38) && (after === 61 || after === 38)) {
      return true;
    }
  }
  return false;
}

/**
 * Reads what the request claims about its signature, from the Authorization header or from a
 * presigned query string, and checks everything that can be checked before a secret is known.
 */
export function parseSigV4(req: SignedRequest): SigV4Claim {
  const auth = readHeader(req, 'authorization');
  const headerForm = auth !== undefined && auth.trim() !== '';
  const queryForm =
    hasParam(req.query, 'X-Amz-Algorithm') || hasParam(req.query, 'X-Amz-Signature');

  // Two signatures would leave it open which one the request stands on.
  if (headerForm && queryForm) {
    throw incomplete(
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter ' +
        'or the Authorization header should be specified',
    );
  }

  if (headerForm) return checkClaim(parseHeaderForm(req, auth));
  if (queryForm) return checkClaim(parseQueryForm(req));
  throw new SigV4Error('MissingAuthenticationToken', 'Request is missing Authentication Token');
}

function parseHeaderForm(req: SignedRequest, auth: string): SigV4Claim {
  const space = auth.indexOf(' ');
  const algorithm = space < 0 ? auth : auth.slice(0, space);
  const amzDateHeader = readHeader(req, 'x-amz-date');
  const dateText = amzDateHeader ?? readHeader(req, 'date');

  // AWS does not read the parameters of a scheme it does not know; it lists them all as missing.
  const rest = space < 0 ? '' : auth.slice(space + 1);
  const fields = algorithm === ALGORITHM ? authFields(rest, auth) : new Map<string, string>();
  const missing = HEADER_PARAMS.filter((name) => !fields.get(name));
  if (missing.length > 0 || dateText === undefined) {
    throw incomplete(missingHeaderParams(missing, dateText === undefined, auth));
  }

  const amzDate = amzDateHeader !== undefined ? checkIsoDate(dateText) : fromHttpDate(dateText);
  const signedHeaders = fields.get('SignedHeaders')!.split(';');
  const claim: SigV4Claim = {
    credential: parseCredential(fields.get('Credential')!),
    amzDate,
    signedHeaders,
    signature: fields.get('Signature')!,
    presigned: false,
  };

  const token = readHeader(req, 'x-amz-security-token');
  if (token !== undefined) claim.securityToken = token;
  if (signedHeaders.includes('x-amz-content-sha256')) {
    claim.payloadHash = readHeader(req, 'x-amz-content-sha256') ?? '';
  }
  return claim;
}

/**
 * The `key=value` items after the algorithm. AWS separates them by commas and whitespace alike,
 * which is why `Credential= AKID/...` is reported as the item 'AKID/...' lacking an '='.
 */
function authFields(text: string, auth: string): Map<string, string> {
  const fields = new Map<string, string>();
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 44;
    if (c !== 44 && c !== 32 && c !== 9) continue;
    if (i > start) addField(fields, text.slice(start, i), auth);
    start = i + 1;
  }
  return fields;
}

function addField(fields: Map<string, string>, item: string, auth: string): void {
  const eq = item.indexOf('=');
  if (eq < 0) {
    throw incomplete(
      `'${item}' not a valid key=value pair (missing equal-sign) in Authorization header: ` +
        `'${auth}'.`,
    );
  }

  const name = item.slice(0, eq);
  if (fields.has(name)) {
    throw incomplete(`Authorization header has a duplicate '${name}' parameter: '${auth}'.`);
  }
  fields.set(name, item.slice(eq + 1));
}

function missingHeaderParams(missing: readonly string[], noDate: boolean, auth: string): string {
  let message = '';
  for (const name of missing) message += `Authorization header requires '${name}' parameter. `;
  if (noDate) {
    message +=
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
  }
  return `${message}Authorization=${auth}`;
}

function parseQueryForm(req: SignedRequest): SigV4Claim {
  const params = authParams(req.query);
  const missing = QUERY_REQUIRED.filter((name) => !params.get(name));
  if (missing.length > 0) {
    let message = '';
    for (const name of missing) message += `AWS query-string parameters must include '${name}'. `;
    throw incomplete(`${message}Re-examine the query-string parameters.`);
  }
  if (params.get('X-Amz-Algorithm') !== ALGORITHM) {
    throw incomplete(`X-Amz-Algorithm only supports "${ALGORITHM}"`);
  }

  const claim: SigV4Claim = {
    credential: parseCredential(params.get('X-Amz-Credential')!),
    amzDate: checkIsoDate(params.get('X-Amz-Date')!),
    signedHeaders: params.get('X-Amz-SignedHeaders')!.split(';'),
    signature: params.get('X-Amz-Signature')!,
    presigned: true,
  };

  const expires = params.get('X-Amz-Expires');
  const token = params.get('X-Amz-Security-Token');
  const payloadHash = params.get('X-Amz-Content-Sha256');
  if (expires !== undefined) claim.expiresSeconds = parseExpires(expires);
  if (token !== undefined) claim.securityToken = token;
  if (payloadHash !== undefined) claim.payloadHash = payloadHash;
  return claim;
}

/** The decoded X-Amz-* parameters the parser needs; a repeat would be ambiguous, so it fails. */
function authParams(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const name = decodeComponent(eq < 0 ? pair : pair.slice(0, eq));
    if (!QUERY_PARAMS.has(name)) continue;

    if (params.has(name)) throw incomplete(`Duplicate query-string parameter '${name}'.`);
    params.set(name, eq < 0 ? '' : decodeComponent(pair.slice(eq + 1)));
  }
  return params;
}

function parseExpires(text: string): number {
  if (text.startsWith('-')) throw incomplete('X-Amz-Expires must be non-negative');
  if (text === '') throw incomplete('X-Amz-Expires should be a number');

  let seconds = 0;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw incomplete('X-Amz-Expires should be a number');
    // Past seven days the exact value no longer matters; stop before it outgrows a double.
    seconds = Math.min(seconds * 10 + d, MAX_EXPIRES_SECONDS + 1);
  }

  if (seconds > MAX_EXPIRES_SECONDS) {
    throw incomplete(
      `X-Amz-Expires must be less than a week (in seconds) that is ${MAX_EXPIRES_SECONDS}`,
    );
  }
  return seconds;
}

function parseCredential(text: string): Credential {
  const parts = text.split('/');
  if (parts.length !== 5) {
    throw incomplete(
      'Credential must have exactly 5 slash-delimited elements, ' +
        `e.g. keyid/date/region/service/term, got '${text}'`,
    );
  }

  const [accessKeyId, date, region, service, term] = parts as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (term !== 'aws4_request') {
    throw mismatch(
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${term}'.`,
    );
  }
  return { accessKeyId, date, region, service };
}

function badDate(text: string): SigV4Error {
  return incomplete(
    `Date must be in ISO-8601 'basic format'. Got '${text}'. ` +
      'See http://en.wikipedia.org/wiki/ISO_8601',
  );
}

function checkIsoDate(text: string): string {
  if (parseAmzDate(text) === undefined) throw badDate(text);
  return text;
}

/** A Date header standing in for X-Amz-Date is signed as sent but dated in the ISO form. */
function fromHttpDate(text: string): string {
  const ms = parseHttpDate(text);
  if (ms === undefined) throw badDate(text);
  return formatAmzDate(ms);
}

/** The checks both forms share, once the claim is complete. */
function checkClaim(claim: SigV4Claim): SigV4Claim {
  const day = claim.amzDate.slice(0, 8);
  if (claim.credential.date !== day) {
    throw mismatch(
      'Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: ' +
        `'${claim.credential.date}' != '${day}', from '${claim.amzDate}'.`,
    );
  }

  if (!claim.signedHeaders.some((name) => name.toLowerCase() === 'host')) {
    throw incomplete("'Host' must be a 'SignedHeader' in the AWS Authorization.");
  }
  return claim;
}
