import { SigV4Error } from './errors.js';
import type { Credential, SignedRequest, SigV4Claim } from './types.js';

const ALGORITHM = 'AWS4-HMAC-SHA256';
const AMZ_DATE = /^\d{8}T\d{6}Z$/;
const SIGNATURE = /^[0-9a-f]{64}$/;

export function header(req: SignedRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** Whether the request carries a SigV4 signature in either form (routes API vs console). */
export function hasSigV4(req: SignedRequest): boolean {
  const auth = header(req, 'authorization');
  if (auth?.startsWith(ALGORITHM)) return true;
  return /(^|&)X-Amz-(Algorithm|Signature)=/i.test(req.query);
}

/** Reads the signature's claims from the Authorization header or the presigned query string. */
export function parseSigV4(req: SignedRequest): SigV4Claim {
  const auth = header(req, 'authorization');
  if (auth !== undefined && auth.length > 0) return parseHeader(req, auth);
  if (/(^|&)X-Amz-(Algorithm|Credential|Signature)=/i.test(req.query)) return parseQuery(req);
  throw new SigV4Error('MissingAuthenticationToken', 'Request is missing Authentication Token');
}

function parseHeader(req: SignedRequest, auth: string): SigV4Claim {
  const space = auth.indexOf(' ');
  const algorithm = space < 0 ? auth : auth.slice(0, space);
  if (algorithm !== ALGORITHM) {
    throw new SigV4Error(
      'IncompleteSignature',
      `Unsupported AWS 'algorithm': '${clip(algorithm)}'`,
    );
  }

  const fields = new Map<string, string>();
  for (const part of auth.slice(space + 1).split(',')) {
    const item = part.trim();
    if (item.length === 0) continue;
    const eq = item.indexOf('=');
    if (eq < 0) {
      throw new SigV4Error(
        'IncompleteSignature',
        `'${clip(item)}' not a valid key=value pair (missing equal-sign) in Authorization header.`,
      );
    }
    fields.set(item.slice(0, eq), item.slice(eq + 1));
  }

  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((k) => !fields.has(k));
  if (missing.length > 0) {
    const said = missing.map((k) => `Authorization header requires '${k}' parameter.`).join(' ');
    throw new SigV4Error('IncompleteSignature', said);
  }

  const amzDate = header(req, 'x-amz-date') ?? fromHttpDate(header(req, 'date'));
  return finish({
    credential: parseCredential(fields.get('Credential')!),
    amzDate,
    signedHeaders: fields.get('SignedHeaders')!.split(';'),
    signature: fields.get('Signature')!,
    securityToken: header(req, 'x-amz-security-token'),
    presigned: false,
  });
}

function parseQuery(req: SignedRequest): SigV4Claim {
  const params = new Map<string, string>();
  for (const pair of req.query.split('&')) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (!/^X-Amz-/i.test(name)) continue;
    params.set(name, decode(eq < 0 ? '' : pair.slice(eq + 1)));
  }

  const required = [
    'X-Amz-Algorithm',
    'X-Amz-Credential',
    'X-Amz-Date',
    'X-Amz-SignedHeaders',
    'X-Amz-Signature',
  ];
  const missing = required.filter((name) => !params.has(name));
  if (missing.length > 0) {
    throw new SigV4Error(
      'IncompleteSignature',
      `AWS query-string parameters must include ${missing.map((m) => `'${m}'`).join(', ')}. Re-examine the query-string parameters.`,
    );
  }
  if (params.get('X-Amz-Algorithm') !== ALGORITHM) {
    throw new SigV4Error(
      'IncompleteSignature',
      `Unsupported AWS 'algorithm': '${clip(params.get('X-Amz-Algorithm')!)}'`,
    );
  }

  const expires = params.get('X-Amz-Expires');
  const expiresSeconds = expires === undefined ? undefined : Number(expires);
  if (expiresSeconds !== undefined && (!Number.isInteger(expiresSeconds) || expiresSeconds < 0)) {
    throw new SigV4Error('IncompleteSignature', 'X-Amz-Expires must be a non-negative integer.');
  }

  return finish({
    credential: parseCredential(params.get('X-Amz-Credential')!),
    amzDate: params.get('X-Amz-Date')!,
    signedHeaders: params.get('X-Amz-SignedHeaders')!.split(';'),
    signature: params.get('X-Amz-Signature')!,
    securityToken: params.get('X-Amz-Security-Token'),
    presigned: true,
    expiresSeconds,
  });
}

function parseCredential(text: string): Credential {
  const parts = text.split('/');
  if (parts.length !== 5) {
    throw new SigV4Error(
      'IncompleteSignature',
      'Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term,' +
        ` got '${clip(text)}'`,
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
    throw new SigV4Error(
      'IncompleteSignature',
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${clip(term)}'.`,
    );
  }
  if (!/^\d{8}$/.test(date)) {
    throw new SigV4Error(
      'IncompleteSignature',
      `Credential should be scoped to a valid date, not '${clip(date)}'.`,
    );
  }
  if (accessKeyId.length === 0 || region.length === 0 || service.length === 0) {
    throw new SigV4Error(
      'IncompleteSignature',
      `Credential has an empty element: '${clip(text)}'.`,
    );
  }
  return { accessKeyId, date, region, service };
}

function finish(claim: Omit<SigV4Claim, 'amzDate'> & { amzDate: string | undefined }): SigV4Claim {
  if (claim.amzDate === undefined || !AMZ_DATE.test(claim.amzDate)) {
    throw new SigV4Error(
      'IncompleteSignature',
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  }
  if (claim.amzDate.slice(0, 8) !== claim.credential.date) {
    throw new SigV4Error(
      'SignatureDoesNotMatch',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${claim.credential.date}' != '${claim.amzDate.slice(0, 8)}', from '${claim.amzDate}'.`,
    );
  }
  if (!claim.signedHeaders.includes('host')) {
    throw new SigV4Error(
      'SignatureDoesNotMatch',
      "'Host' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  if (!SIGNATURE.test(claim.signature)) {
    throw new SigV4Error(
      'IncompleteSignature',
      'Signature must be 64 lower-case hexadecimal characters.',
    );
  }
  return { ...claim, amzDate: claim.amzDate };
}

/** Converts an RFC 7231 Date header to the compact ISO form, for clients that send no X-Amz-Date. */
function fromHttpDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw new SigV4Error(
      'IncompleteSignature',
      'The query string has a malformed percent-encoding.',
    );
  }
}

/** Parts of the request are echoed in errors; keep them short and printable. */
function clip(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 200 ? `${clean.slice(0, 200)}...` : clean;
}
