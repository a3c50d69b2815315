import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { runAwsCommand } from '../../../src/cli/iam/command.js';
import { errorXml, fakeEndpoint, okXml, type FakeEndpoint } from './fake-endpoint.js';

const SECRET = 'test-secret-access-key';
const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const PNG = Buffer.from('89504e470d0a1a0a0000', 'hex');

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `tessera iam|sts ...` in this process, capturing what it prints and its exit status. */
async function tessera(service: 'iam' | 'sts', ...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });

  try {
    await runAwsCommand(service, args);
    return { status: Number(process.exitCode ?? 0), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}

describe('tessera iam against a loopback endpoint', () => {
  let endpoint: FakeEndpoint;

  beforeAll(async () => {
    endpoint = await fakeEndpoint(SECRET, (form) => {
      switch (form.get('Action')) {
        case 'CreateVirtualMFADevice':
          return {
            status: 200,
            body: okXml(
              'CreateVirtualMFADevice',
              '<VirtualMFADevice><SerialNumber>arn:aws:iam::123456789012:mfa/Alice</SerialNumber>' +
                `<Base32StringSeed>${Buffer.from(SEED).toString('base64')}</Base32StringSeed>` +
                `<QRCodePNG>${PNG.toString('base64')}</QRCodePNG></VirtualMFADevice>`,
            ),
          };
        case 'EnableMFADevice':
          if (form.get('AuthenticationCode1') === '000000') {
            return {
              status: 403,
              body: errorXml(
                'InvalidAuthenticationCode',
                'Authentication code for device is not valid.',
              ),
            };
          }
          return { status: 200, body: okXml('EnableMFADevice', '') };
        case 'GetCallerIdentity':
          return {
            status: 200,
            body: okXml(
              'GetCallerIdentity',
              '<UserId>123456789012</UserId><Account>123456789012</Account>' +
                '<Arn>arn:aws:iam::123456789012:root</Arn>',
              'sts',
            ),
          };
        default:
          return { status: 400, body: errorXml('InvalidAction', 'not in this fake') };
      }
    });
  });

  beforeEach(() => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIATESTTESTTESTTEST');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', SECRET);
    vi.stubEnv('AWS_SESSION_TOKEN', undefined);
    vi.stubEnv('AWS_PROFILE', undefined);
    vi.stubEnv('AWS_REGION', 'eu-west-3');
    vi.stubEnv('TESSERA_ENDPOINT', endpoint.url);
    endpoint.received.length = 0;
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  afterAll(async () => {
    await endpoint.close();
  });

  it('signs for iam in the configured region and posts the form', async () => {
    const run = await tessera(
      'iam',
      'enable-mfa-device',
      '--user-name',
      'Alice',
      '--serial-number',
      'arn:aws:iam::123456789012:mfa/Alice',
      '--authentication-code1',
      '012345',
      '--authentication-code2',
      '123456',
    );
    expect(run).toEqual({ status: 0, stdout: '', stderr: '' });

    const [request] = endpoint.received;
    expect(request!.service).toBe('iam');
    expect(request!.region).toBe('eu-west-3');
    expect(request!.headers['content-type']).toBe(
      'application/x-www-form-urlencoded; charset=utf-8',
    );
    expect(Object.fromEntries(request!.form)).toMatchObject({
      Action: 'EnableMFADevice',
      Version: '2010-05-08',
      AuthenticationCode1: '012345',
    });
  });

  it('saves the chosen blob decoded, mode 0600, and prints neither blob', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-cli-outfile-'));
    const seedFile = join(dir, 'seed.txt');
    writeFileSync(seedFile, 'old content', { mode: 0o644 });

    const run = await tessera(
      'iam',
      'create-virtual-mfa-device',
      '--virtual-mfa-device-name',
      'Alice',
      '--outfile',
      seedFile,
      '--bootstrap-method',
      'Base32StringSeed',
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      VirtualMFADevice: { SerialNumber: 'arn:aws:iam::123456789012:mfa/Alice' },
    });
    expect(run.stdout).toBe(
      '{\n    "VirtualMFADevice": {\n' +
        '        "SerialNumber": "arn:aws:iam::123456789012:mfa/Alice"\n    }\n}\n',
    );
    expect(run.stdout).not.toContain(Buffer.from(SEED).toString('base64'));
    expect(readFileSync(seedFile, 'utf8')).toBe(SEED);
    expect(statSync(seedFile).mode & 0o777).toBe(0o600);

    const png = join(dir, 'alice.png');
    const qr = await tessera(
      'iam',
      'create-virtual-mfa-device',
      '--virtual-mfa-device-name',
      'Alice',
      '--outfile',
      png,
      '--bootstrap-method',
      'QRCodePNG',
    );
    expect(qr.status, qr.stderr).toBe(0);
    expect(readFileSync(png)).toEqual(PNG);
    expect(statSync(png).mode & 0o777).toBe(0o600);
  });

  it('refuses an outfile in a missing folder before calling the service', async () => {
    const run = await tessera(
      'iam',
      'create-virtual-mfa-device',
      '--virtual-mfa-device-name',
      'Alice',
      '--outfile',
      join(tmpdir(), 'tessera-no-such-dir', 'x.png'),
      '--bootstrap-method',
      'QRCodePNG',
    );
    expect(run.status).toBe(255);
    expect(run.stderr).toContain('is not writable');
    expect(endpoint.received).toEqual([]);
  });

  it('prints a service error in the AWS CLI words and exits 254', async () => {
    const run = await tessera(
      'iam',
      'enable-mfa-device',
      '--user-name',
      'Alice',
      '--serial-number',
      's',
      '--authentication-code1',
      '000000',
      '--authentication-code2',
      '000001',
    );
    expect(run).toEqual({
      status: 254,
      stdout: '',
      stderr:
        'An error occurred (InvalidAuthenticationCode) when calling the EnableMFADevice ' +
        'operation: Authentication code for device is not valid.\n',
    });
  });

  it('signs sts calls for sts, with the STS version', async () => {
    const run = await tessera('sts', 'get-caller-identity');
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      UserId: '123456789012',
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:root',
    });
    expect(endpoint.received[0]!.service).toBe('sts');
    expect(endpoint.received[0]!.form.get('Version')).toBe('2011-06-15');
  });

  it('exits 255 with one line for usage, missing credentials and no connection', async () => {
    const usage = await tessera('iam', 'create-user');
    expect(usage).toEqual({
      status: 255,
      stdout: '',
      stderr: 'tessera iam: the following arguments are required: --user-name\n',
    });

    vi.stubEnv('AWS_ACCESS_KEY_ID', undefined);
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(tmpdir(), 'tessera-no-such-credentials'));
    vi.stubEnv('AWS_CONFIG_FILE', join(tmpdir(), 'tessera-no-such-config'));
    const noKeys = await tessera('iam', 'get-user');
    expect(noKeys.status).toBe(255);
    expect(noKeys.stderr).toMatch(/^tessera iam: Unable to locate credentials/);

    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIATESTTESTTESTTEST');
    const closed = await tessera('iam', 'get-user', '--endpoint-url', 'http://127.0.0.1:9');
    expect(closed).toEqual({
      status: 255,
      stdout: '',
      stderr: 'Could not connect to the endpoint URL: "http://127.0.0.1:9/"\n',
    });
  });

  it('lists the commands for "tessera iam help"', async () => {
    const run = await tessera('iam', 'help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('  create-virtual-mfa-device\n');
    expect(run.stdout).toContain('  enable-mfa-device\n');
    expect(run.stdout).toContain('  list-mfa-devices\n');

    const one = await tessera('iam', 'create-virtual-mfa-device', 'help');
    expect(one.stdout).toContain('--bootstrap-method QRCodePNG|Base32StringSeed');
  });
});
