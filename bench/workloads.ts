import type { EnablePoolDevice, StsPoolUser } from './seed-tessera.js';
import { userName } from './seed-tessera.js';
import { signCalls, type Credentials, type QueryCall, type RawRequest } from './signer.js';
import { codeAt, stepNow } from './totp-codes.js';

export type WorkloadName =
  'list-mfa-devices' | 'get-user' | 'enable-mfa-device' | 'get-session-token';

/** `{users}` in a title is the size of the account the run seeded (see compare). */
export const WORKLOADS: ReadonlyArray<{ name: WorkloadName; title: string; oneTime: boolean }> = [
  { name: 'list-mfa-devices', title: 'IAM ListMFADevices (2 of {users} devices)', oneTime: false },
  { name: 'get-user', title: 'IAM GetUser', oneTime: false },
  { name: 'enable-mfa-device', title: 'IAM EnableMFADevice (2 codes)', oneTime: true },
  { name: 'get-session-token', title: 'STS GetSessionToken with MFA', oneTime: true },
];

const IAM = 'Version=2010-05-08';
const STS = 'Version=2011-06-15';

/** Reads, signed by the root user: the same request over and over, as a polling client would. */
export function signRead(
  name: 'list-mfa-devices' | 'get-user',
  root: Credentials,
  host: string,
): Promise<RawRequest[]> {
  const action = name === 'list-mfa-devices' ? 'ListMFADevices' : 'GetUser';
  const form = `Action=${action}&UserName=${userName(0)}&${IAM}`;
  return signCalls([{ service: 'iam', form, credentials: root }], host);
}

/**
 * EnableMFADevice for fresh devices, each with the two consecutive codes of the current step
 * and the one before: one request per device, every code valid, none used before.
 */
export function signEnables(
  devices: EnablePoolDevice[],
  root: Credentials,
  host: string,
): Promise<RawRequest[]> {
  const step = stepNow();
  const calls: QueryCall[] = devices.map((device) => ({
    service: 'iam',
    credentials: root,
    form: form({
      Action: 'EnableMFADevice',
      UserName: device.userName,
      SerialNumber: device.serialNumber,
      AuthenticationCode1: codeAt(device.seed, step - 1),
      AuthenticationCode2: codeAt(device.seed, step),
    }),
  }));
  return signCalls(calls, host);
}

/**
 * GetSessionToken, each signed by its own user with the current code of that user's device:
 * a code is accepted once, so every request needs a device whose code is still unused.
 */
export function signSessions(users: StsPoolUser[], host: string): Promise<RawRequest[]> {
  const step = stepNow();
  const calls: QueryCall[] = users.map((user) => ({
    service: 'sts',
    credentials: user.credentials,
    form: form({
      Action: 'GetSessionToken',
      SerialNumber: user.serialNumber,
      TokenCode: codeAt(user.seed, step),
      DurationSeconds: '900',
    }),
  }));
  return signCalls(calls, host);
}

function form(params: Record<string, string>): string {
  const version = params.Action === 'GetSessionToken' ? STS : IAM;
  return `${new URLSearchParams(params).toString()}&${version}`;
}
