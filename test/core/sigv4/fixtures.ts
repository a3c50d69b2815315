import { readFileSync } from 'node:fs';

import {
  deriveSigningKey,
  parseSigV4,
  SigV4Error,
  verifySigV4,
  type SignedRequest,
  type SigV4ErrorCode,
} from '../../../src/core/sigv4/index.js';

/** A request as stored in test/vectors/sigv4: headers as node gives them, body as UTF-8 text. */
export interface RequestFixture {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | string[]>;
  body: string;
}

export interface BotocoreVector {
  name: string;
  description: string;
  secret: string;
  /** The verifier's clock: two seconds after botocore signed. */
  now: string;
  request: RequestFixture;
  expected: {
    canonicalRequest: string;
    stringToSign: string;
    signingKey: string;
    signature: string;
  };
}

export interface WalkthroughVector {
  source: string;
  secret: string;
  request: RequestFixture;
  expected: { canonicalRequestHash: string; signingKey: string; signature: string };
}

function load<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../../vectors/sigv4/${file}`, import.meta.url), 'utf8'));
}

export const botocoreVectors = load<BotocoreVector[]>('botocore.json');
export const walkthrough = load<WalkthroughVector>('aws-walkthrough.json');

export function vector(name: string): BotocoreVector {
  const found = botocoreVectors.find((v) => v.name === name);
  if (found === undefined) throw new Error(`no botocore vector named ${name}`);
  return found;
}

/** A fresh SignedRequest for a fixture, with any fields replaced. */
export function toRequest(
  fixture: RequestFixture,
  change: Partial<SignedRequest> = {},
): SignedRequest {
  return {
    method: fixture.method,
    path: fixture.path,
    query: fixture.query,
    headers: { ...fixture.headers },
    body: Buffer.from(fixture.body, 'utf8'),
    ...change,
  };
}

/** Parse, derive and verify, as the API pipeline does. */
export function authenticate(req: SignedRequest, secret: string, now: Date): void {
  const claim = parseSigV4(req);
  const { date, region, service } = claim.credential;
  verifySigV4(req, claim, deriveSigningKey(secret, date, region, service), now);
}

/** Runs `fn` and returns the SigV4Error it throws, failing the test if it throws nothing else. */
export function sigv4Error(fn: () => unknown): SigV4Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof SigV4Error) return error;
    throw error;
  }
  throw new Error('expected a SigV4Error, but nothing was thrown');
}

export function errorOf(fn: () => unknown): { code: SigV4ErrorCode; message: string } {
  const { code, message } = sigv4Error(fn);
  return { code, message };
}

export const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. ' +
  'Consult the service documentation for details.';
