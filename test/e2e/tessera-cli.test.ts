import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BIN, startTessera, tempDir, type RunningTessera } from '../support/process.js';
import { decodeQrPng, secretFromKeyUri } from '../support/qr.js';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
  json: () => any;
}

/**
 * The README quickstart with Tessera's own client, `node bin/tessera.js iam ...`, in place of the
 * aws CLI; codes come from `tessera totp`, the seed from the QR code it saved.
 */
describe('quickstart with tessera iam', () => {
  let tessera: RunningTessera;
  let serial: string;
  let seed: string;
  const files = tempDir('tessera-iam-files-');
  const home = tempDir('tessera-iam-home-');

  function cli(...args: string[]): Run {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: home,
      AWS_ACCESS_KEY_ID: tessera.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: tessera.credentials.secretAccessKey,
      AWS_DEFAULT_REGION: 'us-east-1',
      TESSERA_ENDPOINT: tessera.url,
    };
    const result = spawnSync(process.execPath, [BIN, ...args], {
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    return {
      status: result.status ?? -1,
      stdout: result.stdout,
      stderr: result.stderr,
      json: () => JSON.parse(result.stdout),
    };
  }

  /** Two consecutive codes from `tessera totp`, away from a step boundary. */
  async function codesFromTotp(): Promise<[string, string]> {
    const intoStep = (Date.now() / 1000) % 30;
    if (intoStep > 27) await new Promise((r) => setTimeout(r, (30 - intoStep) * 1000 + 100));

    const now = Math.floor(Date.now() / 1000);
    const code = (time: number): string => {
      const run = cli('totp', '--seed', seed, '--time', String(time));
      expect(run.status, run.stderr).toBe(0);
      return run.stdout.trim();
    };
    return [code(now - 30), code(now)];
  }

  beforeAll(async () => {
    tessera = await startTessera();
    serial = `arn:aws:iam::${tessera.credentials.accountId}:mfa/Alice`;
  });

  afterAll(async () => {
    await tessera?.stop();
  });

  it('create-user and create-login-profile', () => {
    const user = cli('iam', 'create-user', '--user-name', 'Alice', '--tags', 'Key=team,Value=id');
    expect(user.status, user.stderr).toBe(0);
    expect(user.json().User).toMatchObject({
      UserName: 'Alice',
      Path: '/',
      Arn: `arn:aws:iam::${tessera.credentials.accountId}:user/Alice`,
      Tags: [{ Key: 'team', Value: 'id' }],
    });

    const profile = cli(
      'iam',
      'create-login-profile',
      '--user-name',
      'Alice',
      '--password',
      'Correct-Horse-9',
    );
    expect(profile.status, profile.stderr).toBe(0);
    expect(profile.json()).toEqual({
      LoginProfile: {
        UserName: 'Alice',
        CreateDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        PasswordResetRequired: false,
      },
    });
  });

  it('create-virtual-mfa-device --outfile saves a QR code whose secret is the seed', () => {
    const png = join(files, 'alice.png');
    const run = cli(
      'iam',
      'create-virtual-mfa-device',
      '--virtual-mfa-device-name',
      'Alice',
      '--outfile',
      png,
      '--bootstrap-method',
      'QRCodePNG',
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.json()).toEqual({ VirtualMFADevice: { SerialNumber: serial } });

    expect(statSync(png).mode & 0o777).toBe(0o600);
    const uri = decodeQrPng(readFileSync(png));
    expect(uri).toMatch(/^otpauth:\/\/totp\/Tessera:Alice@\d{12}\?secret=[A-Z2-7]+&issuer=Tessera/);
    seed = secretFromKeyUri(uri);
    expect(run.stdout).not.toContain(seed);
  });

  it('--bootstrap-method Base32StringSeed saves the seed text itself', () => {
    const file = join(files, 'spare.txt');
    const run = cli(
      'iam',
      'create-virtual-mfa-device',
      '--virtual-mfa-device-name',
      'Spare',
      '--outfile',
      file,
      '--bootstrap-method',
      'Base32StringSeed',
    );
    expect(run.status, run.stderr).toBe(0);
    expect(Object.keys(run.json().VirtualMFADevice)).toEqual(['SerialNumber']);
    expect(readFileSync(file, 'utf8')).toMatch(/^[A-Z2-7]{32,}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const spare = run.json().VirtualMFADevice.SerialNumber as string;
    expect(cli('iam', 'delete-virtual-mfa-device', '--serial-number', spare).status).toBe(0);
  });

  it('a wrong code is an AWS error on stderr with exit status 254, and changes nothing', () => {
    const run = cli(
      'iam',
      'enable-mfa-device',
      '--user-name',
      'Alice',
      '--serial-number',
      serial,
      '--authentication-code1',
      '000000',
      '--authentication-code2',
      '000001',
    );
    expect(run.status).toBe(254);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^An error occurred \(InvalidAuthenticationCode\) when calling /);
    expect(run.stderr).toMatch(/ the EnableMFADevice operation: .+\n$/);

    const listed = cli('iam', 'list-mfa-devices', '--user-name', 'Alice');
    expect(listed.json()).toEqual({ MFADevices: [] });
  });

  it('enable-mfa-device with codes from tessera totp, then list-mfa-devices', async () => {
    const [code1, code2] = await codesFromTotp();
    const run = cli(
      'iam',
      'enable-mfa-device',
      '--user-name',
      'Alice',
      '--serial-number',
      serial,
      '--authentication-code1',
      code1,
      '--authentication-code2',
      code2,
    );
    expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });

    const listed = cli('iam', 'list-mfa-devices', '--user-name', 'Alice');
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.json()).toEqual({
      MFADevices: [
        {
          UserName: 'Alice',
          SerialNumber: serial,
          EnableDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      ],
    });

    const assigned = cli('iam', 'list-virtual-mfa-devices', '--assignment-status', 'Assigned');
    expect(assigned.json().VirtualMFADevices).toHaveLength(1);
    expect(assigned.json().VirtualMFADevices[0].User.UserName).toBe('Alice');
  });

  it('pages through every user, and --max-items prints a NextToken that resumes', () => {
    for (const name of ['Bob', 'Carol', 'Dave']) {
      expect(cli('iam', 'create-user', '--user-name', name).status).toBe(0);
    }
    const names = (run: Run): string[] => run.json().Users.map((u: any) => u.UserName);

    const all = cli('iam', 'list-users', '--page-size', '1');
    expect(names(all)).toEqual(['Alice', 'Bob', 'Carol', 'Dave']);
    expect(all.json().IsTruncated).toBeUndefined();

    const first = cli('iam', 'list-users', '--max-items', '3', '--page-size', '2');
    expect(names(first)).toEqual(['Alice', 'Bob', 'Carol']);
    const rest = cli('iam', 'list-users', '--starting-token', first.json().NextToken);
    expect(names(rest)).toEqual(['Dave']);

    const one = cli('iam', 'list-users', '--no-paginate', '--max-items', '1');
    expect(one.json()).toMatchObject({ IsTruncated: true, Marker: expect.any(String) });
  });

  it('sts get-caller-identity names the root user', () => {
    const run = cli('sts', 'get-caller-identity');
    expect(run.status, run.stderr).toBe(0);
    expect(run.json()).toEqual({
      UserId: tessera.credentials.accountId,
      Account: tessera.credentials.accountId,
      Arn: `arn:aws:iam::${tessera.credentials.accountId}:root`,
    });
  });

  it('usage mistakes and an unreachable endpoint exit 255 with one line, no stack trace', () => {
    const missing = cli('iam', 'enable-mfa-device', '--user-name', 'Alice');
    expect(missing.status).toBe(255);
    expect(missing.stderr).toBe(
      'tessera iam: the following arguments are required: --serial-number, ' +
        '--authentication-code1, --authentication-code2\n',
    );

    const closed = cli('iam', 'get-user', '--endpoint-url', 'http://127.0.0.1:9');
    expect(closed.status).toBe(255);
    expect(closed.stderr).toBe('Could not connect to the endpoint URL: "http://127.0.0.1:9/"\n');

    const help = cli('iam', 'help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('  enable-mfa-device\n');
  });

  it('a signature made with the wrong secret is refused by the server', () => {
    const run = spawnSync(process.execPath, [BIN, 'iam', 'get-user'], {
      env: {
        PATH: process.env.PATH,
        HOME: home,
        AWS_ACCESS_KEY_ID: tessera.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: 'not-the-secret',
        TESSERA_ENDPOINT: tessera.url,
      },
      encoding: 'utf8',
    });
    expect(run.status).toBe(254);
    expect(run.stderr).toMatch(
      /^An error occurred \(SignatureDoesNotMatch\) when calling the GetUser/,
    );
    expect(run.stderr).not.toContain('not-the-secret');
  });

  it('then the device and the user can be removed', () => {
    const steps = [
      ['deactivate-mfa-device', '--user-name', 'Alice', '--serial-number', serial],
      ['delete-virtual-mfa-device', '--serial-number', serial],
      ['delete-login-profile', '--user-name', 'Alice'],
      ['delete-user', '--user-name', 'Alice'],
    ];
    for (const step of steps) {
      const run = cli('iam', ...step);
      expect(run.status, `${step[0]}: ${run.stderr}`).toBe(0);
    }

    const gone = cli('iam', 'get-user', '--user-name', 'Alice');
    expect(gone.status).toBe(254);
    expect(gone.stderr).toContain('(NoSuchEntity) when calling the GetUser operation');
  });
});
