import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  ListUsersCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { aws, type CliCredentials, type CliResult } from '../support/aws-cli.js';
import {
  startInProcess,
  type InProcessTessera,
  type SdkCredentials,
} from '../support/in-process.js';
import { startTessera, tempDir, type RunningTessera } from '../support/process.js';
import { codeAt, decodeQrPng, freshPair, secretFromKeyUri, wrongCode } from '../support/qr.js';

/** AWS's "IAM: Allows IAM users to self-manage an MFA device", pasted unchanged (reference §7). */
const SELF_MANAGE_MFA = resolve(import.meta.dirname, '../vectors/policies/self-manage-mfa.json');

/** Runs one CLI command written as on a shell line (no argument holds a space). */
function cli(tessera: RunningTessera, credentials: CliCredentials, command: string): CliResult {
  return aws(tessera.url, credentials, command.trim().split(/\s+/));
}

function expectError(result: CliResult, code: string, message?: string): void {
  expect(result.status, result.stdout).not.toBe(0);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain(`(${code})`);
  if (message !== undefined) expect(result.stderr).toContain(`: ${message}`);
}

function sessionCredentials(result: CliResult): CliCredentials {
  expect(result.status, result.stderr).toBe(0);
  const credentials = result.json().Credentials;
  expect(credentials.AccessKeyId).toMatch(/^ASIA/);
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    sessionToken: credentials.SessionToken,
  };
}

/** Creates and enables a virtual device for `userName` as root; returns its serial and seed. */
async function enabledDevice(
  tessera: RunningTessera,
  userName: string,
  seedFile: string,
): Promise<{ serial: string; seed: string }> {
  const root = tessera.credentials;
  const created = cli(
    tessera,
    root,
    `iam create-virtual-mfa-device --virtual-mfa-device-name ${userName} ` +
      `--outfile ${seedFile} --bootstrap-method Base32StringSeed`,
  );
  const serial = created.json().VirtualMFADevice.SerialNumber;
  const seed = readFileSync(seedFile, 'utf8');

  const [code1, code2] = await freshPair(seed);
  const enabled = cli(
    tessera,
    root,
    `iam enable-mfa-device --user-name ${userName} --serial-number ${serial} ` +
      `--authentication-code1 ${code1} --authentication-code2 ${code2}`,
  );
  expect(enabled.status, enabled.stderr).toBe(0);
  return { serial, seed };
}

/**
 * Issue 3's "Done when", with the real AWS CLI against the built server: the force-MFA policy
 * behaves as in AWS, MFA sessions come from GetSessionToken, and sessions without MFA are kept
 * out of IAM altogether.
 */
describe('the AWS self-manage-MFA policy, verbatim, with the real aws CLI', () => {
  let tessera: RunningTessera;
  let account: string;
  let alice: CliCredentials;
  let seed: string;
  let serial: string;
  let aliceArn: string;
  let mfaSession: CliCredentials;
  const files = tempDir('tessera-force-mfa-');
  const root = (command: string): CliResult => cli(tessera, tessera.credentials, command);
  const as = (credentials: CliCredentials, command: string): CliResult =>
    cli(tessera, credentials, command);
  const denied = (action: string, resource: string, reason: 'explicit' | 'implicit'): string =>
    `User: ${aliceArn} is not authorized to perform: ${action} on resource: ${resource} ` +
    (reason === 'explicit'
      ? 'with an explicit deny in an identity-based policy'
      : `because no identity-based policy allows the ${action} action`);

  beforeAll(async () => {
    tessera = await startTessera();
    account = tessera.credentials.accountId;
    aliceArn = `arn:aws:iam::${account}:user/alice`;
    serial = `arn:aws:iam::${account}:mfa/alice`;
  });

  afterAll(async () => {
    await tessera?.stop();
  });

  it('root creates alice with a key and attaches the policy from the file', () => {
    expect(root('iam create-user --user-name alice').status).toBe(0);
    const key = root('iam create-access-key --user-name alice').json().AccessKey;
    alice = { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };

    const created = root(
      `iam create-policy --policy-name SelfManageMFA --policy-document file://${SELF_MANAGE_MFA}`,
    );
    expect(created.status, created.stderr).toBe(0);
    const policyArn = created.json().Policy.Arn;
    expect(policyArn).toBe(`arn:aws:iam::${account}:policy/SelfManageMFA`);

    const attached = root(`iam attach-user-policy --user-name alice --policy-arn ${policyArn}`);
    expect(attached.status, attached.stderr).toBe(0);
    const listed = root('iam list-attached-user-policies --user-name alice').json();
    expect(listed.AttachedPolicies).toEqual([
      { PolicyName: 'SelfManageMFA', PolicyArn: policyArn },
    ]);

    // The document travels URL-encoded; the CLI decodes it back to the file's JSON.
    const version = root(`iam get-policy-version --policy-arn ${policyArn} --version-id v1`);
    const pasted = JSON.parse(readFileSync(SELF_MANAGE_MFA, 'utf8'));
    expect(version.json().PolicyVersion.Document).toEqual(pasted);
  });

  it('with long-term keys alice may list users and create her own virtual MFA device', () => {
    const users = as(alice, 'iam list-users');
    expect(users.status, users.stderr).toBe(0);
    expect(users.json().Users.map((u: { UserName: string }) => u.UserName)).toContain('alice');

    const png = join(files, 'alice.png');
    const created = as(
      alice,
      `iam create-virtual-mfa-device --virtual-mfa-device-name alice --outfile ${png} ` +
        '--bootstrap-method QRCodePNG',
    );
    expect(created.status, created.stderr).toBe(0);
    expect(created.json().VirtualMFADevice.SerialNumber).toBe(serial);
    seed = secretFromKeyUri(decodeQrPng(readFileSync(png)));
  });

  it('and enable it, and list her devices', async () => {
    const [code1, code2] = await freshPair(seed);
    const enabled = as(
      alice,
      `iam enable-mfa-device --user-name alice --serial-number ${serial} ` +
        `--authentication-code1 ${code1} --authentication-code2 ${code2}`,
    );
    expect(enabled.status, enabled.stderr).toBe(0);

    const listed = as(alice, 'iam list-mfa-devices --user-name alice');
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.json().MFADevices).toMatchObject([{ UserName: 'alice', SerialNumber: serial }]);
  });

  it('but deactivating it is an explicit deny, in AWS words naming her ARN and the action', () => {
    expectError(
      as(alice, `iam deactivate-mfa-device --user-name alice --serial-number ${serial}`),
      'AccessDenied',
      denied('iam:DeactivateMFADevice', aliceArn, 'explicit'),
    );
  });

  it('so is anything else without MFA; enabling a device for bob is an implicit deny', () => {
    const mallory = `arn:aws:iam::${account}:user/mallory`;
    expectError(
      as(alice, 'iam create-user --user-name mallory'),
      'AccessDenied',
      denied('iam:CreateUser', mallory, 'explicit'),
    );

    expect(root('iam create-user --user-name bob').status).toBe(0);
    expectError(
      as(
        alice,
        `iam enable-mfa-device --user-name bob --serial-number ${serial} ` +
          '--authentication-code1 123456 --authentication-code2 654321',
      ),
      'AccessDenied',
      denied('iam:EnableMFADevice', `arn:aws:iam::${account}:user/bob`, 'implicit'),
    );
  });

  it('get-session-token with a wrong code gives no credentials', () => {
    expectError(
      as(alice, `sts get-session-token --serial-number ${serial} --token-code ${wrongCode(seed)}`),
      'AccessDenied',
      'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    );
  });

  it('with the right code it gives an MFA session, and the same code twice gives it once', () => {
    // The next step's code: enabling used the current one, and a used step is never accepted.
    const code = codeAt(seed, 1);
    const command = `sts get-session-token --serial-number ${serial} --token-code ${code}`;
    mfaSession = sessionCredentials(as(alice, command));
    expectError(as(alice, command), 'AccessDenied');

    const caller = as(mfaSession, 'sts get-caller-identity');
    expect(caller.json()).toMatchObject({ Arn: aliceArn, Account: account });
  });

  it('one of serial number and code alone: 403; a malformed code: 400 naming tokenCode', () => {
    expectError(as(alice, `sts get-session-token --serial-number ${serial}`), 'AccessDenied');

    const malformed = as(
      alice,
      `sts get-session-token --serial-number ${serial} --token-code 12345a`,
    );
    expectError(malformed, 'ValidationError');
    expect(malformed.stderr).toContain("at 'tokenCode' failed to satisfy constraint");
  });

  it('in the MFA session alice may deactivate her device', () => {
    expectError(as(mfaSession, 'sts get-session-token'), 'AccessDenied');

    const result = as(
      mfaSession,
      `iam deactivate-mfa-device --user-name alice --serial-number ${serial}`,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(root('iam list-mfa-devices --user-name alice').json().MFADevices).toEqual([]);
  });

  it('a session without MFA cannot call IAM at all, but can still ask STS who it is', () => {
    const plain = sessionCredentials(as(alice, 'sts get-session-token'));
    expectError(
      as(plain, 'iam list-users'),
      'InvalidClientTokenId',
      'The security token included in the request is invalid',
    );
    expect(as(plain, 'sts get-caller-identity').json().Arn).toBe(aliceArn);
  });

  it('session credentials stop working once the key they came from is deleted', () => {
    const plain = sessionCredentials(as(alice, 'sts get-session-token'));
    const deleted = root(
      `iam delete-access-key --user-name alice --access-key-id ${alice.accessKeyId}`,
    );
    expect(deleted.status, deleted.stderr).toBe(0);

    expectError(as(plain, 'sts get-caller-identity'), 'InvalidClientTokenId');
    expectError(as(mfaSession, 'iam list-users'), 'InvalidClientTokenId');
  });
});

describe('a policy allowing iam:* only with MFA (Bool aws:MultiFactorAuthPresent)', () => {
  let tessera: RunningTessera;
  const files = tempDir('tessera-mfa-present-');
  const mfaOnly = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 'iam:*',
        Resource: '*',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
    ],
  };

  beforeAll(async () => {
    tessera = await startTessera();
  });

  afterAll(async () => {
    await tessera?.stop();
  });

  it('denies list-users to long-term keys and allows it in an MFA session', async () => {
    const root = tessera.credentials;
    const policy = join(files, 'mfa-only.json');
    writeFileSync(policy, JSON.stringify(mfaOnly));
    cli(tessera, root, 'iam create-user --user-name carol');
    const put = cli(
      tessera,
      root,
      `iam put-user-policy --user-name carol --policy-name MfaOnly ` +
        `--policy-document file://${policy}`,
    );
    expect(put.status, put.stderr).toBe(0);
    const key = cli(tessera, root, 'iam create-access-key --user-name carol').json().AccessKey;
    const carol = { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
    const { serial, seed } = await enabledDevice(tessera, 'carol', join(files, 'carol.txt'));

    const carolArn = `arn:aws:iam::${tessera.credentials.accountId}:user/carol`;
    expectError(
      cli(tessera, carol, 'iam list-users'),
      'AccessDenied',
      `User: ${carolArn} is not authorized to perform: iam:ListUsers on resource: * ` +
        'because no identity-based policy allows the iam:ListUsers action',
    );

    const code = codeAt(seed, 1);
    const session = sessionCredentials(
      cli(tessera, carol, `sts get-session-token --serial-number ${serial} --token-code ${code}`),
    );
    const listed = cli(tessera, session, 'iam list-users');
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.json().Users).toMatchObject([{ UserName: 'carol' }]);
  });
});

describe('a policy with NumericLessThan aws:MultiFactorAuthAge 3600 (server clock moved)', () => {
  let tessera: InProcessTessera;
  let sessionKeys: SdkCredentials;
  const HOUR = 3_600_000;

  beforeAll(async () => {
    tessera = await startInProcess();
    const iam = tessera.iam();
    await iam.send(new CreateUserCommand({ UserName: 'dave' }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'dave',
        PolicyName: 'FreshMfa',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: {
            Effect: 'Allow',
            Action: 'iam:ListUsers',
            Resource: '*',
            Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
          },
        }),
      }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'dave' }))).AccessKey!;
    const device = (
      await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'dave' }))
    ).VirtualMFADevice!;
    const seed = Buffer.from(device.Base32StringSeed!).toString();
    const now = tessera.deps.clock();
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'dave',
        SerialNumber: device.SerialNumber!,
        AuthenticationCode1: codeAt(seed, -1, now),
        AuthenticationCode2: codeAt(seed, 0, now),
      }),
    );

    const dave = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    const issued = await tessera.sts(dave).send(
      new GetSessionTokenCommand({
        SerialNumber: device.SerialNumber!,
        TokenCode: codeAt(seed, 1, now),
      }),
    );
    const credentials = issued.Credentials!;
    sessionKeys = {
      accessKeyId: credentials.AccessKeyId!,
      secretAccessKey: credentials.SecretAccessKey!,
      sessionToken: credentials.SessionToken!,
    };
  });

  afterAll(async () => {
    await tessera?.close();
  });

  // Clients are made after each move of the clock, so they sign with the server's time.
  const listUsers = () => tessera.iam(sessionKeys).send(new ListUsersCommand({}));

  it('allows a fresh MFA session', async () => {
    tessera.deps.clock.advance(HOUR - 60_000);
    await expect(listUsers()).resolves.toMatchObject({ Users: [{ UserName: 'dave' }] });
  });

  it('denies the same session once its MFA is an hour old', async () => {
    tessera.deps.clock.advance(60_000);
    await expect(listUsers()).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('and the session expires on time: ExpiredToken', async () => {
    tessera.deps.clock.advance(11 * HOUR);
    await expect(listUsers()).rejects.toMatchObject({ name: 'ExpiredToken' });
  });
});
