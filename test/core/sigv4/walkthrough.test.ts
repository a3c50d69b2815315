import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  canonicalRequest,
  deriveSigningKey,
  parseSigV4,
  stringToSign,
} from '../../../src/core/sigv4/index.js';
import { authenticate, toRequest, walkthrough } from './fixtures.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('AWS SigV4 walkthrough, IAM ListUsers (reference section 3)', () => {
  const req = toRequest(walkthrough.request);
  const claim = parseSigV4(req);

  it('task 1: the canonical request hashes to the published value', () => {
    expect(sha256(canonicalRequest(req, claim))).toBe(walkthrough.expected.canonicalRequestHash);
  });

  it('task 2: the string to sign carries the date, the scope and that hash', () => {
    expect(stringToSign(claim, walkthrough.expected.canonicalRequestHash)).toBe(
      'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n' +
        walkthrough.expected.canonicalRequestHash,
    );
  });

  it('task 3: the derived signing key is the published one', () => {
    const key = deriveSigningKey(walkthrough.secret, '20150830', 'us-east-1', 'iam');
    expect(key.toString('hex')).toBe(walkthrough.expected.signingKey);
  });

  it('task 4: the published signature verifies at its own date', () => {
    expect(claim.signature).toBe(walkthrough.expected.signature);
    expect(() =>
      authenticate(req, walkthrough.secret, new Date('2015-08-30T12:36:00Z')),
    ).not.toThrow();
  });
});
