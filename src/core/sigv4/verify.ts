import { createHmac, timingSafeEqual } from 'node:crypto';

import { canonicalRequest, sha256Hex, stringToSign } from './canonical.js';
import { SigV4Error } from './errors.js';
import type { SignedRequest, SigV4Claim } from './types.js';

export const MAX_SKEW_MS = 15 * 60 * 1000;
/** The longest a presigned request may stay valid (seven days, as AWS allows). */
export const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your ' +
  'AWS Secret Access Key and signing method. Consult the service documentation for details.';

/**
 * SigV4 steps 1-4 and the time checks. The comparison is constant-time and the error is the same
 * whatever part of the request differs, so a failure tells the caller nothing about the secret.
 */
export function verifySigV4(
  req: SignedRequest,
  claim: SigV4Claim,
  signingKey: Buffer,
  now: Date,
): void {
  checkTime(claim, now);

  const hash = sha256Hex(canonicalRequest(req, claim));
  const expected = createHmac('sha256', signingKey).update(stringToSign(claim, hash)).digest();
  const given = Buffer.from(claim.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new SigV4Error('SignatureDoesNotMatch', MISMATCH);
  }
}

function checkTime(claim: SigV4Claim, now: Date): void {
  const signedAt = parseAmzDate(claim.amzDate);
  const nowMs = now.getTime();

  if (claim.presigned) {
    const expires = claim.expiresSeconds ?? MAX_PRESIGN_SECONDS;
    if (expires > MAX_PRESIGN_SECONDS) {
      throw new SigV4Error(
        'SignatureDoesNotMatch',
        `X-Amz-Expires must be at most ${MAX_PRESIGN_SECONDS} seconds.`,
      );
    }
    if (nowMs > signedAt + expires * 1000) {
      throw new SigV4Error(
        'SignatureDoesNotMatch',
        `Signature expired: ${claim.amzDate} is now earlier than ${compact(nowMs - expires * 1000)} (${compact(nowMs)} - ${expires} sec.)`,
      );
    }
  } else if (signedAt < nowMs - MAX_SKEW_MS) {
    throw new SigV4Error(
      'SignatureDoesNotMatch',
      `Signature expired: ${claim.amzDate} is now earlier than ${compact(nowMs - MAX_SKEW_MS)} (${compact(nowMs)} - 15 min.)`,
    );
  }

  if (signedAt > nowMs + MAX_SKEW_MS) {
    throw new SigV4Error(
      'SignatureDoesNotMatch',
      `Signature not yet current: ${claim.amzDate} is still later than ${compact(nowMs + MAX_SKEW_MS)} (${compact(nowMs)} + 15 min.)`,
    );
  }
}

function parseAmzDate(text: string): number {
  const ms = Date.UTC(
    Number(text.slice(0, 4)),
    Number(text.slice(4, 6)) - 1,
    Number(text.slice(6, 8)),
    Number(text.slice(9, 11)),
    Number(text.slice(11, 13)),
    Number(text.slice(13, 15)),
  );
  if (Number.isNaN(ms))
    throw new SigV4Error('IncompleteSignature', `Invalid X-Amz-Date: '${text}'.`);
  return ms;
}

function compact(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
