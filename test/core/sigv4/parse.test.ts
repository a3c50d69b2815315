import { describe, expect, it } from 'vitest';

import { hasSigV4, parseSigV4, type SignedRequest } from '../../../src/core/sigv4/index.js';
import { errorOf } from './fixtures.js';

const SIG = 'f'.repeat(64);
const CREDENTIAL = 'AKIDEXAMPLE/20260115/us-east-1/iam/aws4_request';
const AUTH =
  `AWS4-HMAC-SHA256 Credential=${CREDENTIAL}, ` + `SignedHeaders=host;x-amz-date, Signature=${SIG}`;
const PRESIGNED =
  'Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256' +
  '&X-Amz-Credential=AKIDEXAMPLE%2F20260115%2Fus-east-1%2Fsts%2Faws4_request' +
  `&X-Amz-Date=20260115T102030Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=${SIG}`;

function request(headers: SignedRequest['headers'], query = ''): SignedRequest {
  return { method: 'POST', path: '/', query, headers, body: Buffer.alloc(0) };
}

function headerForm(auth: string, extra: SignedRequest['headers'] = {}): SignedRequest {
  return request({ host: 'h', 'x-amz-date': '20260115T102030Z', authorization: auth, ...extra });
}

const incomplete = (message: string): object => ({ code: 'IncompleteSignature', message });
const mismatch = (message: string): object => ({ code: 'SignatureDoesNotMatch', message });

describe('hasSigV4 routes API requests apart from the console', () => {
  it.each([
    [{ authorization: AUTH }, '', true],
    [{}, 'X-Amz-Algorithm=AWS4-HMAC-SHA256', true],
    [{}, 'a=1&X-Amz-Signature=abc', true],
    [{}, 'X-Amz-Signature', true],
    [{ authorization: 'Bearer abc' }, '', false],
    [{}, 'X-Amz-Algorithmic=1&a=X-Amz-Signature', false],
    [{}, 'Action=ListUsers', false],
  ])('%j ?%s -> %s', (headers, query, expected) => {
    expect(hasSigV4(request(headers, query))).toBe(expected);
  });
});

describe('parseSigV4: no authentication at all', () => {
  it('is MissingAuthenticationToken', () => {
    const expected = {
      code: 'MissingAuthenticationToken',
      message: 'Request is missing Authentication Token',
    };
    expect(errorOf(() => parseSigV4(request({ host: 'h' })))).toEqual(expected);
    expect(errorOf(() => parseSigV4(request({ authorization: ' ' })))).toEqual(expected);
  });
});

describe('parseSigV4: header form errors carry AWS messages', () => {
  it('missing parameters, as SES reported them (brendanhay/amazonka #316)', () => {
    const auth = 'AWS4-HMAC-SHA256 Credential=ABCDEF';
    expect(errorOf(() => parseSigV4(headerForm(auth)))).toEqual(
      incomplete(
        "Authorization header requires 'Signature' parameter. " +
          "Authorization header requires 'SignedHeaders' parameter. " +
          'Authorization=AWS4-HMAC-SHA256 Credential=ABCDEF',
      ),
    );
  });

  it('another scheme is read as no parameters at all, date included when absent', () => {
    const req = request({ host: 'h', authorization: 'Bearer abc.def' });
    expect(errorOf(() => parseSigV4(req))).toEqual(
      incomplete(
        "Authorization header requires 'Credential' parameter. " +
          "Authorization header requires 'Signature' parameter. " +
          "Authorization header requires 'SignedHeaders' parameter. " +
          "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " +
          'Authorization=Bearer abc.def',
      ),
    );
  });

  it('the algorithm alone', () => {
    expect(errorOf(() => parseSigV4(headerForm('AWS4-HMAC-SHA256')))).toEqual(
      incomplete(
        "Authorization header requires 'Credential' parameter. " +
          "Authorization header requires 'Signature' parameter. " +
          "Authorization header requires 'SignedHeaders' parameter. " +
          'Authorization=AWS4-HMAC-SHA256',
      ),
    );
  });

  it('an item without "=", split on whitespace as AWS does (iann0036/cloud9-sync #10)', () => {
    const auth = `AWS4-HMAC-SHA256 Credential= ${CREDENTIAL}, SignedHeaders=host, Signature=${SIG}`;
    expect(errorOf(() => parseSigV4(headerForm(auth)))).toEqual(
      incomplete(
        `'${CREDENTIAL}' not a valid key=value pair (missing equal-sign) in Authorization ` +
          `header: '${auth}'.`,
      ),
    );
  });

  it('a credential without five elements (hashicorp/vault #4939)', () => {
    const auth = AUTH.replace(CREDENTIAL, 'AKIDEXAMPLE/20260115/us-east-1/iam');
    expect(errorOf(() => parseSigV4(headerForm(auth)))).toEqual(
      incomplete(
        'Credential must have exactly 5 slash-delimited elements, ' +
          "e.g. keyid/date/region/service/term, got 'AKIDEXAMPLE/20260115/us-east-1/iam'",
      ),
    );
  });

  it('a parameter given twice', () => {
    const auth = `${AUTH}, Signature=${SIG}`;
    expect(errorOf(() => parseSigV4(headerForm(auth)))).toEqual(
      incomplete(`Authorization header has a duplicate 'Signature' parameter: '${auth}'.`),
    );
  });

  it('a malformed X-Amz-Date', () => {
    const req = headerForm(AUTH, { 'x-amz-date': '2026-01-15T10:20:30Z' });
    expect(errorOf(() => parseSigV4(req))).toEqual(
      incomplete(
        "Date must be in ISO-8601 'basic format'. Got '2026-01-15T10:20:30Z'. " +
          'See http://en.wikipedia.org/wiki/ISO_8601',
      ),
    );
  });

  it.each(['20260230T102030Z', '20261315T102030Z', '20260115T246000Z', '20260115T102030'])(
    'an impossible X-Amz-Date %s',
    (date) => {
      const req = headerForm(AUTH, { 'x-amz-date': date });
      expect(errorOf(() => parseSigV4(req)).code).toBe('IncompleteSignature');
    },
  );

  it('a Date header that is no date', () => {
    const req = request({ host: 'h', date: 'yesterday', authorization: AUTH });
    expect(errorOf(() => parseSigV4(req))).toEqual(
      incomplete(
        "Date must be in ISO-8601 'basic format'. Got 'yesterday'. " +
          'See http://en.wikipedia.org/wiki/ISO_8601',
      ),
    );
  });

  it('Host missing from the signed headers', () => {
    const auth = AUTH.replace('SignedHeaders=host;x-amz-date', 'SignedHeaders=x-amz-date');
    expect(errorOf(() => parseSigV4(headerForm(auth)))).toEqual(
      incomplete("'Host' must be a 'SignedHeader' in the AWS Authorization."),
    );
  });

  it('a scope that does not end in aws4_request', () => {
    const auth = AUTH.replace('/aws4_request', '/aws5_request');
    expect(errorOf(() => parseSigV4(headerForm(auth)))).toEqual(
      mismatch(
        "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'.",
      ),
    );
  });

  it('a scope date other than the X-Amz-Date day', () => {
    const req = headerForm(AUTH, { 'x-amz-date': '20260116T000001Z' });
    expect(errorOf(() => parseSigV4(req))).toEqual(
      mismatch(
        'Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from ' +
          "HTTP: '20260115' != '20260116', from '20260116T000001Z'.",
      ),
    );
  });

  it('both a header and a presigned query', () => {
    const req = headerForm(AUTH);
    req.query = PRESIGNED;
    expect(errorOf(() => parseSigV4(req))).toEqual(
      incomplete(
        'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter ' +
          'or the Authorization header should be specified',
      ),
    );
  });
});

describe('parseSigV4: header form dates', () => {
  it.each([
    ['Thu, 15 Jan 2026 10:20:30 GMT', '20260115T102030Z'],
    ['Thu, 15 Jan 2026 10:20:30 -0000', '20260115T102030Z'],
    ['15 Jan 2026 12:20:30 +0200', '20260115T102030Z'],
    ['20260115T102030Z', '20260115T102030Z'],
  ])('Date: %s reads as %s', (date, amzDate) => {
    const req = request({ host: 'h', date, authorization: AUTH });
    expect(parseSigV4(req).amzDate).toBe(amzDate);
  });

  it('X-Amz-Date wins over Date', () => {
    const req = headerForm(AUTH, { date: 'Fri, 16 Jan 2026 10:20:30 GMT' });
    expect(parseSigV4(req).amzDate).toBe('20260115T102030Z');
  });
});

describe('parseSigV4: query form errors', () => {
  const without = (name: string): string =>
    PRESIGNED.split('&')
      .filter((pair) => !pair.startsWith(`${name}=`))
      .join('&');

  it('lists every missing parameter', () => {
    const query = without('X-Amz-Credential').replace(/&X-Amz-Date=[^&]*/, '');
    expect(errorOf(() => parseSigV4(request({ host: 'h' }, query)))).toEqual(
      incomplete(
        "AWS query-string parameters must include 'X-Amz-Credential'. " +
          "AWS query-string parameters must include 'X-Amz-Date'. " +
          'Re-examine the query-string parameters.',
      ),
    );
  });

  it('another algorithm', () => {
    const query = PRESIGNED.replace('AWS4-HMAC-SHA256', 'AWS4-ECDSA-P256-SHA256');
    expect(errorOf(() => parseSigV4(request({ host: 'h' }, query)))).toEqual(
      incomplete('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"'),
    );
  });

  it.each([
    ['-1', 'X-Amz-Expires must be non-negative'],
    ['ten', 'X-Amz-Expires should be a number'],
    ['', 'X-Amz-Expires should be a number'],
    ['604801', 'X-Amz-Expires must be less than a week (in seconds) that is 604800'],
    [
      '99999999999999999999999',
      'X-Amz-Expires must be less than a week (in seconds) that is 604800',
    ],
  ])('X-Amz-Expires=%s', (expires, message) => {
    const query = PRESIGNED.replace('X-Amz-Expires=900', `X-Amz-Expires=${expires}`);
    expect(errorOf(() => parseSigV4(request({ host: 'h' }, query)))).toEqual(incomplete(message));
  });

  it('accepts seven days exactly, and no X-Amz-Expires at all', () => {
    const week = PRESIGNED.replace('X-Amz-Expires=900', 'X-Amz-Expires=604800');
    expect(parseSigV4(request({ host: 'h' }, week)).expiresSeconds).toBe(604800);
    const none = without('X-Amz-Expires');
    expect(parseSigV4(request({ host: 'h' }, none)).expiresSeconds).toBeUndefined();
  });

  it('an auth parameter given twice', () => {
    const query = `${PRESIGNED}&X-Amz-Date=20260115T102031Z`;
    expect(errorOf(() => parseSigV4(request({ host: 'h' }, query)))).toEqual(
      incomplete("Duplicate query-string parameter 'X-Amz-Date'."),
    );
  });

  it('Host missing from X-Amz-SignedHeaders', () => {
    const query = PRESIGNED.replace('X-Amz-SignedHeaders=host', 'X-Amz-SignedHeaders=x-amz-date');
    expect(errorOf(() => parseSigV4(request({ host: 'h' }, query)))).toEqual(
      incomplete("'Host' must be a 'SignedHeader' in the AWS Authorization."),
    );
  });

  it('reads the decoded credential and leaves the signature for verification', () => {
    expect(parseSigV4(request({ host: 'h' }, PRESIGNED))).toEqual({
      credential: {
        accessKeyId: 'AKIDEXAMPLE',
        date: '20260115',
        region: 'us-east-1',
        service: 'sts',
      },
      amzDate: '20260115T102030Z',
      signedHeaders: ['host'],
      signature: SIG,
      presigned: true,
      expiresSeconds: 900,
    });
  });
});
