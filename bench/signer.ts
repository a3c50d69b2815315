import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';

/** A request ready for the wire, before the load generator adds its content-length. */
export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** One Query API call before signing: which service, the form body, and who signs it. */
export interface QueryCall {
  service: 'iam' | 'sts';
  form: string;
  credentials: Credentials;
}

/**
 * Signs calls with the AWS SDK's own signer (not Tessera's code), for the host of the Tessera
 * under test. moto and the floor get the very same bytes; neither of them checks signatures.
 */
export async function signCalls(calls: QueryCall[], host: string): Promise<RawRequest[]> {
  const signers = new Map<string, SignatureV4>();
  const out: RawRequest[] = [];
  for (const call of calls) {
    const id = `${call.service}:${call.credentials.accessKeyId}`;
    let signer = signers.get(id);
    if (!signer) {
      signer = new SignatureV4({
        service: call.service,
        region: 'us-east-1',
        credentials: call.credentials,
        sha256: Hash.bind(null, 'sha256'),
      });
      signers.set(id, signer);
    }
    out.push(await signOne(signer, call.form, host));
  }
  return out;
}

async function signOne(signer: SignatureV4, form: string, host: string): Promise<RawRequest> {
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: host.split(':')[0]!,
    port: Number(host.split(':')[1]),
    path: '/',
    query: {},
    headers: {
      host,
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'user-agent': 'tessera-bench',
    },
    body: form,
  });
  return { method: 'POST', path: '/', headers: signed.headers, body: form };
}
