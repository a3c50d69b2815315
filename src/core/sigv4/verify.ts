import { createHmac, timingSafeEqual } from 'node:crypto';

import {
  buildCanonicalRequest,
  hashCanonicalRequest,
  hashPayload,
  stringToSign,
  UNSIGNED_PAYLOAD,
} from './canonical.js';
import { formatAmzDate, parseAmzDate } from './dates.js';
import { mismatch, SigV4Error } from './errors.js';
import type { SignedRequest, SigV4Claim } from './types.js';

/** How far a signing time may lie from the server's clock, either way. */
const MAX_SKEW_MS = 15 * 60 * 1000;

/**
 * Checks the request's time, its declared payload hash, and its signature (SigV4 steps 1 to 4)
 * against a signing key derived from the secret of the claimed access key.
 */
export function verifySigV4(
  req: SignedRequest,
  claim: SigV4Claim,
  signingKey: Buffer,
  now: Date,
): void {
  checkClock(claim, now);

  const payloadHash = checkPayloadHash(claim, req.body);
  const canonical = buildCanonicalRequest(req, claim, payloadHash);
  const toSign = stringToSign(claim, hashCanonicalRequest(canonical));
  const expected = createHmac('sha256', signingKey).update(toSign, 'utf8').digest();

  // The message is fixed: which part differed would help an attacker, never the client.
  const given = signatureBytes(claim.signature);
  if (given === undefined || !timingSafeEqual(given, expected)) throw mismatch();
}

/**
 * Fifteen minutes of skew either way, as AWS allows. A presigned request with X-Amz-Expires is
 * good from fifteen minutes before its date until that many seconds after it.
 */
function checkClock(claim: SigV4Claim, now: Date): void {
  const signedAt = parseAmzDate(claim.amzDate);
  if (signedAt === undefined) throw new TypeError('claim.amzDate is not YYYYMMDDTHHMMSSZ');
  if (Number.isNaN(now.getTime())) throw new TypeError('now is an invalid Date');

  // Whole seconds on both sides, so the boundary agrees with the times the message prints.
  const nowMs = Math.floor(now.getTime() / 1000) * 1000;
  const nowText = formatAmzDate(nowMs);
  if (signedAt > nowMs + MAX_SKEW_MS) {
    throw mismatch(
      `Signature not yet current: ${claim.amzDate} is still later than ` +
        `${formatAmzDate(nowMs + MAX_SKEW_MS)} (${nowText} + 15 min.)`,
    );
  }

  const expires = claim.presigned ? claim.expiresSeconds : undefined;
  const window = expires === undefined ? MAX_SKEW_MS : expires * 1000;
  if (signedAt < nowMs - window) {
    const span = expires === undefined ? '15 min.' : `${expires} sec.`;
    throw mismatch(
      `Signature expired: ${claim.amzDate} is now earlier than ` +
        `${formatAmzDate(nowMs - window)} (${nowText} - ${span})`,
    );
  }
}

/**
 * The hash that stands for the body in the canonical request. A client may sign a declared hash
 * instead of letting us hash the body; it must then be the real hash, or UNSIGNED-PAYLOAD.
 */
function checkPayloadHash(claim: SigV4Claim, body: Buffer): string {
  const declared = claim.payloadHash;
  if (declared === UNSIGNED_PAYLOAD) return declared;

  const actual = hashPayload(body);
  if (declared !== undefined && declared !== actual) {
    throw new SigV4Error(
      'SignatureDoesNotMatch',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
  }
  return actual;
}

/** The 32 bytes of a well-formed signature (64 lower-case hex digits), else undefined. */
function signatureBytes(signature: string): Buffer | undefined {
  if (signature.length !== 64) return;

  for (let i = 0; i < 64; i++) {
    const c = signature.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return;
  }
  return Buffer.from(signature, 'hex');
}
