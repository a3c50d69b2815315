import type { Globals } from './invocation.js';
import { ArgumentError } from './errors.js';
import type { ServiceName } from './operations.js';

/** Where `tessera serve` listens by default. */
export const DEFAULT_ENDPOINT = 'http://127.0.0.1:4599';

/**
 * `--endpoint-url`, else TESSERA_ENDPOINT, else the SDKs' AWS_ENDPOINT_URL_IAM (or _STS) and
 * AWS_ENDPOINT_URL, else the local default. Never an AWS host: this client only talks to Tessera.
 */
export function endpointUrl(service: ServiceName, globals: Globals, env = process.env): URL {
  const text =
    globals.endpointUrl ??
    (env.TESSERA_ENDPOINT ||
      env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`] ||
      env.AWS_ENDPOINT_URL ||
      DEFAULT_ENDPOINT);

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ArgumentError(`Bad value for --endpoint-url "${text}": scheme is missing`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ArgumentError(`Bad value for --endpoint-url "${text}": use http:// or https://`);
  }
  return url;
}
