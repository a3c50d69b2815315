import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';

import { IAMClient, TagUserCommand } from '@aws-sdk/client-iam';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest, SourceData } from '@smithy/types';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { parseSigV4, type SignedRequest } from '../../../src/core/sigv4/index.js';
import { authenticate } from './fixtures.js';

/** The hash the SDK's signer is handed; node's own, so the test needs no extra package. */
class NodeSha256 {
  readonly #hash: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.#hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }

  update(data: Uint8Array): void {
    this.#hash.update(data);
  }

  async digest(): Promise<Uint8Array> {
    return this.#hash.digest();
  }
}

function bytes(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SIGNED_AT = new Date('2026-01-15T10:20:30Z');
const NOW = new Date('2026-01-15T10:20:31Z');

function signer(sessionToken?: string): SignatureV4 {
  return new SignatureV4({
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET, sessionToken },
    region: 'eu-central-1',
    service: 'iam',
    sha256: NodeSha256,
  });
}

/** RFC 3986, as the SDK's HTTP handler writes a query; the server decodes whatever is sent. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** What node would hand the server for a request the SDK is about to send. */
function received(request: HttpRequest): SignedRequest {
  const query: string[] = [];
  for (const [name, value] of Object.entries(request.query ?? {})) {
    for (const one of Array.isArray(value) ? value : [value ?? '']) {
      query.push(`${encode(name)}=${encode(one)}`);
    }
  }

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  const body = typeof request.body === 'string' ? Buffer.from(request.body) : Buffer.alloc(0);
  return { method: request.method, path: request.path, query: query.join('&'), headers, body };
}

const FORM =
  'Action=TagUser&Version=2010-05-08&UserName=alice&Tags.member.1.Key=a%20b' +
  '&Tags.member.1.Value=x%2By&Tags.member.2.Key=caf%C3%A9&Tags.member.2.Value=1+2';

function formRequest(): HttpRequest {
  return {
    method: 'POST',
    protocol: 'http:',
    hostname: 'localhost',
    port: 4599,
    path: '/',
    query: {},
    headers: {
      host: 'localhost:4599',
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(FORM)),
      'user-agent': 'aws-sdk-js/3.1178.0 ua/2.1 os/linux lang/js md/nodejs#20.20.2',
      'x-amz-user-agent': 'aws-sdk-js/3.1178.0 ua/2.1 api/iam#3.1178.0 m/E',
      'amz-sdk-invocation-id': '6f1b1f2e-3c35-4d1e-9a55-3c0c1f2b7a11',
      'amz-sdk-request': 'attempt=1; max=3',
    },
    body: FORM,
  };
}

describe('@smithy/signature-v4 (the signer of the AWS SDK for JavaScript v3)', () => {
  it('a form POST with the extra headers the SDK signs verifies', async () => {
    const signed = await signer().sign(formRequest(), { signingDate: SIGNED_AT });
    const req = received(signed as HttpRequest);

    const claim = parseSigV4(req);
    expect(claim.signedHeaders).toEqual(
      expect.arrayContaining(['amz-sdk-invocation-id', 'amz-sdk-request', 'x-amz-user-agent']),
    );
    expect(claim.signedHeaders).not.toContain('user-agent');
    expect(() => authenticate(req, SECRET, NOW)).not.toThrow();
  });

  it('a changed x-amz-user-agent is refused, a changed user-agent is not', async () => {
    const signed = received(
      (await signer().sign(formRequest(), { signingDate: SIGNED_AT })) as HttpRequest,
    );

    const unsigned = { ...signed, headers: { ...signed.headers, 'user-agent': 'curl/8' } };
    expect(() => authenticate(unsigned, SECRET, NOW)).not.toThrow();
    const changed = { ...signed, headers: { ...signed.headers, 'x-amz-user-agent': 'other' } };
    expect(() => authenticate(changed, SECRET, NOW)).toThrow(/does not match/);
  });

  it('a presigned GET with a session token and a repeated parameter verifies', async () => {
    const request: HttpRequest = {
      method: 'GET',
      protocol: 'http:',
      hostname: 'localhost',
      port: 4599,
      path: '/',
      query: { Action: 'ListUsers', Version: '2010-05-08', Marker: ['b b', 'a+a'] },
      headers: { host: 'localhost:4599' },
    };
    const presigned = await signer('FQoGZXIvYXdzEXAMPLE+/=').presign(request, {
      signingDate: SIGNED_AT,
      expiresIn: 600,
    });
    const req = received(presigned as HttpRequest);

    expect(parseSigV4(req)).toMatchObject({
      presigned: true,
      expiresSeconds: 600,
      securityToken: 'FQoGZXIvYXdzEXAMPLE+/=',
    });
    expect(() => authenticate(req, SECRET, NOW)).not.toThrow();
  });
});

describe('@aws-sdk/client-iam end to end, captured before it leaves the process', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('TagUser as the SDK serialises and signs it verifies', async () => {
    let sent: HttpRequest | undefined;
    const client = new IAMClient({
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:9443',
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET },
      maxAttempts: 1,
      requestHandler: {
        async handle(request: HttpRequest) {
          sent = request;
          const xml =
            '<TagUserResponse><ResponseMetadata><RequestId>r</RequestId>' +
            '</ResponseMetadata></TagUserResponse>';
          return { response: { statusCode: 200, headers: {}, body: Buffer.from(xml) } };
        },
      },
    });

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(SIGNED_AT);
    await client.send(
      new TagUserCommand({
        UserName: 'alice',
        Tags: [
          { Key: 'a b', Value: 'x+y' },
          { Key: 'caf\u00e9 \u2615', Value: '100%20' },
        ],
      }),
    );
    vi.useRealTimers();

    const req = received(sent!);
    expect(parseSigV4(req).signedHeaders).toContain('amz-sdk-invocation-id');
    expect(() => authenticate(req, SECRET, NOW)).not.toThrow();
  });
});
