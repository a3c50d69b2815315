import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { aws } from '../support/aws-cli.js';
import { startTessera, tempDir, type RunningTessera } from '../support/process.js';
import { codeAt, decodeQrPng, freshPair, secretFromKeyUri, wrongCode } from '../support/qr.js';

/**
 * The README quickstart, verbatim, with the real AWS CLI: codes are computed from the seed read
 * out of the QR code, as a phone would.
 */
describe('quickstart with the real aws CLI', () => {
  let tessera: RunningTessera;
  let run: (...args: string[]) => ReturnType<typeof aws>;
  let seed: string;
  let serial: string;
  const files = tempDir('tessera-cli-files-');

  beforeAll(async () => {
    tessera = await startTessera();
    run = (...args) => aws(tessera.url, tessera.credentials, args);
    serial = `arn:aws:iam::${tessera.credentials.accountId}:mfa/Alice`;
  });

  afterAll(async () => {
    await tessera?.stop();
  });

  it('writes root credentials with mode 0600 on first start', () => {
    const file = join(tessera.dataDir, 'root-credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(tessera.credentials.accountId).toMatch(/^\d{12}$/);
    expect(tessera.credentials.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(tessera.logs()).toContain(file);
    expect(tessera.logs()).not.toContain(tessera.credentials.secretAccessKey);
  });

  it('create-user', () => {
    const result = run('iam', 'create-user', '--user-name', 'Alice');
    expect(result.status, result.stderr).toBe(0);
    expect(result.json().User).toMatchObject({
      UserName: 'Alice',
      Path: '/',
      Arn: `arn:aws:iam::${tessera.credentials.accountId}:user/Alice`,
    });
    expect(result.json().User.UserId).toMatch(/^AIDA/);
  });

  it('create-login-profile', () => {
    const result = run(
      'iam',
      'create-login-profile',
      '--user-name',
      'Alice',
      '--password',
      'Correct-Horse-9',
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.json().LoginProfile).toMatchObject({
      UserName: 'Alice',
      PasswordResetRequired: false,
    });
  });

  it('create-virtual-mfa-device writes a QR code PNG whose secret is the seed', () => {
    const png = join(files, 'alice.png');
    const result = run(
      'iam',
      'create-virtual-mfa-device',
      '--virtual-mfa-device-name',
      'Alice',
      '--outfile',
      png,
      '--bootstrap-method',
      'QRCodePNG',
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.json().VirtualMFADevice.SerialNumber).toBe(serial);

    const bytes = readFileSync(png);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const uri = decodeQrPng(bytes);
    expect(uri).toMatch(
      new RegExp(
        `^otpauth://totp/Tessera:Alice@${tessera.credentials.accountId}\\?secret=[A-Z2-7]{64}&issuer=Tessera`,
      ),
    );
    seed = secretFromKeyUri(uri);
  });

  it('arbitrary codes do not enable the device', () => {
    const bad = wrongCode(seed);
    const result = run(
      'iam',
      'enable-mfa-device',
      '--user-name',
      'Alice',
      '--serial-number',
      serial,
      '--authentication-code1',
      bad,
      '--authentication-code2',
      codeAt(seed),
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('InvalidAuthenticationCode');
    expect(run('iam', 'list-mfa-devices', '--user-name', 'Alice').json().MFADevices).toEqual([]);
  });

  it('enable-mfa-device with two consecutive codes, then list-mfa-devices', async () => {
    const [code1, code2] = await freshPair(seed);
    const result = run(
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
    expect(result.status, result.stderr).toBe(0);

    const listed = run('iam', 'list-mfa-devices', '--user-name', 'Alice');
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.json().MFADevices).toHaveLength(1);
    expect(listed.json().MFADevices[0]).toMatchObject({ UserName: 'Alice', SerialNumber: serial });
    expect(listed.json().MFADevices[0].EnableDate).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('deleting a user who still has a device gives DeleteConflict', () => {
    run('iam', 'delete-login-profile', '--user-name', 'Alice');
    const result = run('iam', 'delete-user', '--user-name', 'Alice');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('DeleteConflict');
    expect(result.stderr).toContain('must delete MFA device first');
  });

  it('deleting an assigned device gives DeleteConflict', () => {
    const result = run('iam', 'delete-virtual-mfa-device', '--serial-number', serial);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('DeleteConflict');
  });

  it('a code accepted once is refused on reuse (re-enable with the same codes)', async () => {
    expect(
      run('iam', 'deactivate-mfa-device', '--user-name', 'Alice', '--serial-number', serial).status,
    ).toBe(0);
    const [code1, code2] = [codeAt(seed, -1), codeAt(seed, 0)];
    const again = run(
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
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('InvalidAuthenticationCode');
  });

  it('then the device and the user can be deleted', () => {
    expect(run('iam', 'delete-virtual-mfa-device', '--serial-number', serial).status).toBe(0);
    expect(run('iam', 'delete-user', '--user-name', 'Alice').status).toBe(0);
    const gone = run('iam', 'get-user', '--user-name', 'Alice');
    expect(gone.stderr).toContain('NoSuchEntity');
  });
});
