import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';

import type { Identity } from './credentials.js';
import { ConnectionError } from './errors.js';
import type { ServiceName } from './operations.js';

export interface Reply {
  status: number;
  statusText: string;
  body: string;
}

/** The AWS CLI's read timeout. */
const TIMEOUT_MS = 60_000;

/**
 * POSTs one form-encoded Query API call, signed with SigV4 for `service` in the identity's
 * region. Sent once: a retried MFA call could spend a code that the first attempt already used.
 */
export async function postQuery(
  url: URL,
  service: ServiceName,
  identity: Identity,
  form: string,
): Promise<Reply> {
  const headers = await signedHeaders(url, service, identity, form);

  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: form,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = await response.text();
    return { status: response.status, statusText: response.statusText, body };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    const what = timedOut
      ? 'Read timeout on endpoint URL'
      : 'Could not connect to the endpoint URL';
    throw new ConnectionError(`${what}: "${url.href}"`);
  }
}

/** The headers to send; `host` is signed as fetch will send it, and left for fetch to set. */
async function signedHeaders(
  url: URL,
  service: ServiceName,
  identity: Identity,
  form: string,
): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    service,
    region: identity.region,
    credentials: identity.credentials,
    sha256: Hash.bind(null, 'sha256'),
  });

  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    path: url.pathname,
    query: {},
    headers: {
      host: url.host,
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'user-agent': 'tessera-cli',
    },
    body: form,
  });

  const { host: _host, ...rest } = signed.headers;
  return rest;
}
