import { userName } from './seed-tessera.js';

/** moto routes by the credential scope and checks no signature, so a fixed header will do. */
const AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/us-east-1/iam/aws4_request, ' +
  'SignedHeaders=host, Signature=0000';
const PARALLEL = 4;
const DEADLINE_MS = 15 * 60_000;

/**
 * Gives moto the read account Tessera has: the same users, each with an enabled virtual device,
 * user 0 with two. Through its HTTP API, as any client would; moto takes a few hundred calls a
 * second, so this is the slowest step of a full run (bounded at 15 minutes).
 */
export async function seedMoto(url: string, count: number): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  const devices = [...Array.from({ length: count }, (_, i) => i), 0];
  const deviceName = (n: number): string =>
    n === devices.length - 1 ? 'bench-device-0-second' : `bench-device-${devices[n]}`;

  await each(count, deadline, (i) => call(url, { Action: 'CreateUser', UserName: userName(i) }));
  await each(devices.length, deadline, (n) =>
    call(url, { Action: 'CreateVirtualMFADevice', VirtualMFADeviceName: deviceName(n) }),
  );
  await each(devices.length, deadline, (n) =>
    call(url, {
      Action: 'EnableMFADevice',
      UserName: userName(devices[n]!),
      SerialNumber: `arn:aws:iam::123456789012:mfa/${deviceName(n)}`,
      AuthenticationCode1: '123456',
      AuthenticationCode2: '234567',
    }),
  );
}

async function each(count: number, deadline: number, work: (i: number) => Promise<void>) {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      if (Date.now() > deadline) throw new Error('seeding moto took longer than 15 minutes');
      await work(next++);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

async function call(url: string, params: Record<string, string>): Promise<void> {
  const body = new URLSearchParams({ ...params, Version: '2010-05-08' }).toString();
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers: {
      authorization: AUTHORIZATION,
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    },
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`moto ${params.Action}: ${response.status} ${text}`);
}
