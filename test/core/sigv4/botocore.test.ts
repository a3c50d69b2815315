import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  canonicalRequest,
  deriveSigningKey,
  parseSigV4,
  stringToSign,
} from '../../../src/core/sigv4/index.js';
import {
  authenticate,
  botocoreVectors,
  errorOf,
  SIGNATURE_MISMATCH,
  toRequest,
  vector,
} from './fixtures.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe.each(botocoreVectors)('botocore 1.43 vector $name ($description)', (v) => {
  const req = toRequest(v.request);
  const claim = parseSigV4(req);

  it('builds the canonical request botocore built', () => {
    expect(canonicalRequest(req, claim)).toBe(v.expected.canonicalRequest);
  });

  it('builds the string to sign botocore built', () => {
    expect(stringToSign(claim, sha256(v.expected.canonicalRequest))).toBe(v.expected.stringToSign);
  });

  it('derives the signing key botocore derived', () => {
    const { date, region, service } = claim.credential;
    const key = deriveSigningKey(v.secret, date, region, service);
    expect(key.toString('hex')).toBe(v.expected.signingKey);
  });

  it('accepts the signed request', () => {
    expect(claim.signature).toBe(v.expected.signature);
    expect(() => authenticate(req, v.secret, new Date(v.now))).not.toThrow();
  });

  it('refuses it under another secret, with the fixed message', () => {
    expect(errorOf(() => authenticate(req, `${v.secret}x`, new Date(v.now)))).toEqual({
      code: 'SignatureDoesNotMatch',
      message: SIGNATURE_MISMATCH,
    });
  });
});

describe('what botocore claims is read back', () => {
  it('header form with a session token', () => {
    const claim = parseSigV4(toRequest(vector('sts-get-caller-identity-session-token').request));
    expect(claim).toEqual({
      credential: {
        accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
        date: '20260115',
        region: 'ap-southeast-2',
        service: 'sts',
      },
      amzDate: '20260115T102030Z',
      signedHeaders: ['content-type', 'host', 'x-amz-date', 'x-amz-security-token'],
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
      securityToken: 'IQoJb3JpZ2luX2VjEXAMPLE+tok/en==',
      presigned: false,
    });
  });

  it('query form with a session token and an expiry', () => {
    const claim = parseSigV4(toRequest(vector('sts-presigned-session-token').request));
    expect(claim).toMatchObject({
      credential: { accessKeyId: 'ASIAIOSFODNN7EXAMPLE', service: 'sts' },
      amzDate: '20260115T102030Z',
      signedHeaders: ['host'],
      securityToken: 'IQoJb3JpZ2luX2VjEXAMPLE+tok/en==',
      presigned: true,
      expiresSeconds: 60,
    });
  });

  it('a Date header stands in for X-Amz-Date, converted to the ISO basic form', () => {
    const claim = parseSigV4(toRequest(vector('date-header-instead-of-x-amz-date').request));
    expect(claim.amzDate).toBe('20260115T102030Z');
  });
});
