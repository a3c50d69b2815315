import { describe, expect, it } from 'vitest';

import {
  canonicalRequest,
  deriveSigningKey,
  parseSigV4,
  SigningKeyCache,
  verifySigV4,
  type SignedRequest,
} from '../../../src/core/sigv4/index.js';
import { sha256Hex } from '../../../src/core/crypto/index.js';
import vectors from '../../vectors/sigv4/botocore.json' with { type: 'json' };

type Vector = (typeof vectors)[number];

function requestOf(v: Vector, change: Partial<SignedRequest> = {}): SignedRequest {
  return {
    method: v.method,
    path: v.path,
    query: v.query,
    headers: v.headers as Record<string, string>,
    body: Buffer.from(v.body),
    ...change,
  };
}

function verify(v: Vector, req = requestOf(v), now = new Date(v.now)): void {
  const claim = parseSigV4(req);
  const { date, region, service } = claim.credential;
  verifySigV4(req, claim, deriveSigningKey(v.secret, date, region, service), now);
}

describe('SigV4 walkthrough vector (AWS General Reference, recomputed in the reference digest)', () => {
  const req: SignedRequest = {
    method: 'GET',
    path: '/',
    query: 'Action=ListUsers&Version=2010-05-08',
    headers: {
      host: 'iam.amazonaws.com',
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'x-amz-date': '20150830T123600Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, ' +
        'SignedHeaders=content-type;host;x-amz-date, ' +
        'Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
    },
    body: Buffer.alloc(0),
  };
  const secret = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

  it('canonical request hash', () => {
    expect(sha256Hex(canonicalRequest(req, parseSigV4(req)))).toBe(
      'f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59',
    );
  });

  it('signing key', () => {
    expect(deriveSigningKey(secret, '20150830', 'us-east-1', 'iam').toString('hex')).toBe(
      'c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9',
    );
  });

  it('signature verifies at the signing time', () => {
    const claim = parseSigV4(req);
    const key = deriveSigningKey(secret, '20150830', 'us-east-1', 'iam');
    expect(() => verifySigV4(req, claim, key, new Date('2015-08-30T12:36:00Z'))).not.toThrow();
  });
});

describe('requests signed by the real botocore', () => {
  for (const v of vectors) {
    it(`${v.name} verifies`, () => {
      expect(() => verify(v)).not.toThrow();
    });
  }

  const [plain, escapes] = vectors as [Vector, Vector];

  it('a tampered body is rejected', () => {
    const req = requestOf(escapes, { body: Buffer.from(escapes.body.replace('x%2By', 'x+y')) });
    expect(() => verify(escapes, req)).toThrow(
      expect.objectContaining({ code: 'SignatureDoesNotMatch' }),
    );
  });

  it('a tampered signed header is rejected (the Host with its port is signed)', () => {
    const req = requestOf(plain, { headers: { ...plain.headers, host: '127.0.0.1:4598' } });
    expect(() => verify(plain, req)).toThrow(
      expect.objectContaining({ code: 'SignatureDoesNotMatch' }),
    );
  });

  it('a wrong secret is rejected with the fixed message', () => {
    expect(() => verify({ ...plain, secret: `${plain.secret}x` })).toThrow(
      /The request signature we calculated does not match the signature you provided/,
    );
  });

  it('a clock skew of more than 15 minutes is refused either way, naming the times', () => {
    const at = new Date(plain.now).getTime();
    expect(() => verify(plain, requestOf(plain), new Date(at + 14 * 60_000))).not.toThrow();
    expect(() => verify(plain, requestOf(plain), new Date(at + 16 * 60_000))).toThrow(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/,
    );
    expect(() => verify(plain, requestOf(plain), new Date(at - 16 * 60_000))).toThrow(
      /^Signature not yet current: /,
    );
  });

  it('a presigned URL stops working after X-Amz-Expires', () => {
    const presigned = vectors.find((v) => v.name.startsWith('presigned'))!;
    const at = new Date(presigned.now).getTime();
    expect(() => verify(presigned, requestOf(presigned), new Date(at + 299_000))).not.toThrow();
    expect(() => verify(presigned, requestOf(presigned), new Date(at + 301_000))).toThrow(
      expect.objectContaining({ code: 'SignatureDoesNotMatch' }),
    );
  });
});

describe('malformed signatures get AWS error codes', () => {
  const base = vectors[0]!;
  const withAuth = (authorization: string | undefined): SignedRequest =>
    requestOf(base, { headers: { ...base.headers, authorization } as Record<string, string> });

  it('no signature at all: MissingAuthenticationToken', () => {
    expect(() => parseSigV4(withAuth(undefined))).toThrow(
      expect.objectContaining({ code: 'MissingAuthenticationToken' }),
    );
  });

  it('a credential without five parts: IncompleteSignature, with AWS wording', () => {
    const auth = base.headers.authorization.replace('/us-east-1/iam/aws4_request', '/us-east-1');
    expect(() => parseSigV4(withAuth(auth))).toThrow(
      /Credential must have exactly 5 slash-delimited elements, e.g. keyid\/date\/region\/service\/term, got/,
    );
  });

  it('a pair without an equal sign: IncompleteSignature', () => {
    expect(() => parseSigV4(withAuth('AWS4-HMAC-SHA256 Credential'))).toThrow(
      expect.objectContaining({ code: 'IncompleteSignature' }),
    );
  });

  it('an unsigned Host: SignatureDoesNotMatch', () => {
    const auth = base.headers.authorization.replace(
      'content-type;host;x-amz-date',
      'content-type;x-amz-date',
    );
    expect(() => parseSigV4(withAuth(auth))).toThrow(
      expect.objectContaining({ code: 'SignatureDoesNotMatch' }),
    );
  });

  it('another algorithm: IncompleteSignature', () => {
    expect(() =>
      parseSigV4(
        withAuth(base.headers.authorization.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA1')),
      ),
    ).toThrow(expect.objectContaining({ code: 'IncompleteSignature' }));
  });
});

describe('SigningKeyCache', () => {
  const cred = { accessKeyId: 'AKIA1', date: '20260101', region: 'us-east-1', service: 'iam' };

  it('returns the derived key, and a new one when the secret changes', () => {
    const cache = new SigningKeyCache(10);
    expect(cache.get('s1', cred)).toEqual(deriveSigningKey('s1', '20260101', 'us-east-1', 'iam'));
    expect(cache.get('s2', cred)).toEqual(deriveSigningKey('s2', '20260101', 'us-east-1', 'iam'));
  });

  it('is bounded', () => {
    const cache = new SigningKeyCache(3);
    for (let i = 0; i < 10; i++) cache.get('s', { ...cred, accessKeyId: `AKIA${i}` });
    expect(cache.size).toBe(3);
  });
});
