import { describe, expect, it } from 'vitest';

import {
  deriveSigningKey,
  parseSigV4,
  verifySigV4,
  type SignedRequest,
  type SigV4Claim,
} from '../../../src/core/sigv4/index.js';
import { errorOf, SIGNATURE_MISMATCH, toRequest, vector } from './fixtures.js';

const MINUTE = 60_000;

function setup(name: string): {
  req: SignedRequest;
  claim: SigV4Claim;
  key: Buffer;
  at: (offsetMs: number) => () => void;
} {
  const v = vector(name);
  const req = toRequest(v.request);
  const claim = parseSigV4(req);
  const { date, region, service } = claim.credential;
  const key = deriveSigningKey(v.secret, date, region, service);
  const signedAt = Date.parse('2026-01-15T10:20:30Z');
  const at = (offsetMs: number) => () =>
    verifySigV4(req, claim, key, new Date(signedAt + offsetMs));
  return { req, claim, key, at };
}

describe('clock skew, header form (15 minutes either way)', () => {
  const { at } = setup('iam-tag-user-form-encoding');

  it('accepts the edges of the window', () => {
    expect(at(15 * MINUTE)).not.toThrow();
    expect(at(15 * MINUTE + 999)).not.toThrow();
    expect(at(-15 * MINUTE)).not.toThrow();
  });

  it('a second past the window is expired, with AWS wording (aws/aws-cli #6676)', () => {
    expect(errorOf(at(15 * MINUTE + 1000))).toEqual({
      code: 'SignatureDoesNotMatch',
      message:
        'Signature expired: 20260115T102030Z is now earlier than 20260115T102031Z ' +
        '(20260115T103531Z - 15 min.)',
    });
  });

  it('a second before the window is not yet current', () => {
    expect(errorOf(at(-15 * MINUTE - 1000))).toEqual({
      code: 'SignatureDoesNotMatch',
      message:
        'Signature not yet current: 20260115T102030Z is still later than 20260115T102029Z ' +
        '(20260115T100529Z + 15 min.)',
    });
  });
});

describe('presigned expiry', () => {
  const { at, req, claim, key } = setup('sts-presigned-get-caller-identity');

  it('holds for exactly X-Amz-Expires seconds', () => {
    expect(claim.expiresSeconds).toBe(900);
    expect(at(900_000)).not.toThrow();
    expect(errorOf(at(901_000))).toEqual({
      code: 'SignatureDoesNotMatch',
      message:
        'Signature expired: 20260115T102030Z is now earlier than 20260115T102031Z ' +
        '(20260115T103531Z - 900 sec.)',
    });
  });

  it('a long expiry outlasts the 15-minute skew', () => {
    const long = setup('iam-presigned-list-users-params');
    expect(long.claim.expiresSeconds).toBe(3600);
    expect(long.at(3600_000)).not.toThrow();
    expect(errorOf(long.at(3601_000)).code).toBe('SignatureDoesNotMatch');
  });

  it('is not yet current more than 15 minutes before its date', () => {
    expect(errorOf(at(-15 * MINUTE - 1000)).message).toMatch(/^Signature not yet current: /);
  });

  it('without X-Amz-Expires the usual 15 minutes apply', () => {
    const bare: SigV4Claim = { ...claim };
    delete bare.expiresSeconds;
    const late = () => verifySigV4(req, bare, key, new Date(Date.parse('2026-01-15T10:35:31Z')));
    expect(errorOf(late).message).toMatch(/\(20260115T103531Z - 15 min\.\)$/);
  });
});

describe('signature comparison', () => {
  const { req, claim, key } = setup('iam-tag-user-form-encoding');
  const now = new Date('2026-01-15T10:20:32Z');

  it.each([
    ['upper-case hex', claim.signature.toUpperCase()],
    ['too short', claim.signature.slice(0, 63)],
    ['too long', `${claim.signature}0`],
    ['not hex', `${claim.signature.slice(0, 63)}g`],
    ['empty', ''],
  ])('a malformed signature (%s) gets the fixed message', (_label, signature) => {
    expect(errorOf(() => verifySigV4(req, { ...claim, signature }, key, now))).toEqual({
      code: 'SignatureDoesNotMatch',
      message: SIGNATURE_MISMATCH,
    });
  });

  it('the fixed message echoes neither the expected signature nor the key', () => {
    const wrong = { ...claim, signature: '0'.repeat(64) };
    const { message } = errorOf(() => verifySigV4(req, wrong, key, now));
    expect(message).toBe(SIGNATURE_MISMATCH);
    expect(message).not.toContain(claim.signature);
    expect(message).not.toContain(key.toString('hex'));
  });

  it('an invalid clock is a programming error, not a client error', () => {
    expect(() => verifySigV4(req, claim, key, new Date(Number.NaN))).toThrow(TypeError);
  });
});
