import { randomBytes } from 'node:crypto';

import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { Secret, TOTP } from 'otpauth';
import { verifySync } from 'otplib';

import { findStep, timeStep, totpAt } from '../src/core/otp/index.js';
import {
  deriveSigningKey,
  parseSigV4,
  SigningKeyCache,
  verifySigV4,
  type SignedRequest,
} from '../src/core/sigv4/index.js';

export interface MicroResult {
  name: string;
  opsPerSecond: number;
}

/**
 * Operations a second of the pure functions on every MFA and API request, all in this one
 * process: TOTP verification within ±1 step by Tessera's findStep and by the two npm libraries
 * (each given the seed in the form it keeps, so none pays for decoding), and SigV4 verification.
 */
export async function runMicro(seconds: number): Promise<MicroResult[]> {
  const results: MicroResult[] = [];
  for (const [name, op] of [...totpCases(), ...(await sigv4Cases())]) {
    results.push({ name, opsPerSecond: opsPerSecond(op, seconds) });
  }
  return results;
}

function totpCases(): Array<[string, () => unknown]> {
  const seed = randomBytes(40);
  const now = Date.now();
  const step = timeStep(now);
  const right = totpAt(seed, step);
  // A code of no step in the window: every verifier must compute all three.
  const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');

  const secret = new Secret({ buffer: seed.buffer.slice(seed.byteOffset, seed.byteOffset + 40) });
  const totp = new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 });
  const bytes = new Uint8Array(seed);
  const epoch = Math.floor(now / 1000);

  const cases: Array<[string, () => unknown]> = [];
  for (const [label, code] of [
    ['right code', right],
    ['wrong code', wrong],
  ] as const) {
    cases.push([`TOTP ±1, ${label}: Tessera findStep`, () => findStep(seed, code, step, 1)]);
    cases.push([
      `TOTP ±1, ${label}: otpauth`,
      () => totp.validate({ token: code, timestamp: now, window: 1 }),
    ]);
    cases.push([
      `TOTP ±1, ${label}: otplib`,
      () => verifySync({ secret: bytes, token: code, epoch, epochTolerance: 30 }),
    ]);
  }
  return cases;
}

async function sigv4Cases(): Promise<Array<[string, () => unknown]>> {
  const credentials = { accessKeyId: 'AKIABENCHMARK0000001', secretAccessKey: 'x'.repeat(40) };
  const signer = new SignatureV4({
    service: 'iam',
    region: 'us-east-1',
    credentials,
    sha256: Hash.bind(null, 'sha256'),
  });
  const body = 'Action=ListMFADevices&UserName=bench-user-0&Version=2010-05-08';
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    path: '/',
    query: {},
    headers: { host: '127.0.0.1:4599', 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const request: SignedRequest = {
    method: 'POST',
    path: '/',
    query: '',
    headers: lowerCased(signed.headers),
    body: Buffer.from(body),
  };

  const keys = new SigningKeyCache();
  const secret = credentials.secretAccessKey;
  const now = new Date();
  return [
    [
      'SigV4 verify, signing key cached',
      () => {
        const claim = parseSigV4(request);
        verifySigV4(request, claim, keys.get(secret, claim.credential), now);
      },
    ],
    [
      'SigV4 verify, signing key derived',
      () => {
        const claim = parseSigV4(request);
        const { date, region, service } = claim.credential;
        verifySigV4(request, claim, deriveSigningKey(secret, date, region, service), now);
      },
    ],
  ];
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Runs `op` in batches for about `seconds`, after a warm-up of a tenth of that. */
function opsPerSecond(op: () => unknown, seconds: number): number {
  const spin = (ms: number): number => {
    let count = 0;
    const start = performance.now();
    while (performance.now() - start < ms) {
      for (let i = 0; i < 100; i++) op();
      count += 100;
    }
    return count / ((performance.now() - start) / 1000);
  };
  spin(seconds * 100);
  return Math.round(spin(seconds * 1000));
}
