import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';

import { rfc3986 } from '../../src/core/otp/index.js';

export interface Caller {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface QueryResponse {
  status: number;
  text: string;
  requestId: string;
  /** The AWS error code, for error responses. */
  code?: string;
}

const VERSIONS = { iam: '2010-05-08', sts: '2011-06-15' } as const;

/** A form body with every name and value percent-encoded as SigV4 expects (RFC 3986). */
export function formOf(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
    .join('&');
}

export interface SigningInput {
  method?: string;
  path?: string;
  service?: 'iam' | 'sts';
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * The headers of a request to `url` signed by `caller` with the AWS SDK's own SigV4 signer (host
 * and a form content type are added), for tests that send what no SDK would.
 */
export async function signedHeaders(
  url: string,
  caller: Caller,
  input: SigningInput = {},
): Promise<Record<string, string>> {
  const target = new URL(url);
  const signer = new SignatureV4({
    credentials: caller,
    region: 'us-east-1',
    service: input.service ?? 'iam',
    sha256: Hash.bind(null, 'sha256'),
  });
  const signed = await signer.sign({
    method: input.method ?? 'POST',
    protocol: target.protocol,
    hostname: target.hostname,
    port: Number(target.port),
    path: input.path ?? '/',
    headers: {
      host: target.host,
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      ...input.headers,
    },
    body: input.body,
  });
  return signed.headers;
}

/**
 * One signed Query API call, built by hand so a test can send any action with any parameters
 * (the SDKs validate before sending). `body` replaces the form built from the parameters.
 */
export async function query(
  url: string,
  caller: Caller,
  action: string,
  params: Record<string, string> = {},
  options: { service?: 'iam' | 'sts'; userAgent?: string; body?: string } = {},
): Promise<QueryResponse> {
  const service = options.service ?? 'iam';
  const body = options.body ?? formOf({ Action: action, Version: VERSIONS[service], ...params });
  const userAgent = options.userAgent ?? 'tessera-tests/1.0';
  const headers = await signedHeaders(url, caller, {
    service,
    headers: { 'user-agent': userAgent },
    body,
  });

  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  return {
    status: response.status,
    text,
    requestId: response.headers.get('x-amzn-requestid') ?? '',
    code: /<Code>([^<]+)<\/Code>/.exec(text)?.[1],
  };
}

/** The text of the first element with this name, e.g. field(text, 'SecretAccessKey'). */
export function field(text: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1];
}
