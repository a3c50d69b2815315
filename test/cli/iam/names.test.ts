import { describe, expect, it } from 'vitest';

import { kebabCase } from '../../../src/cli/iam/names.js';
import { SERVICES } from '../../../src/cli/iam/operations.js';

describe('kebabCase: wire names as the AWS CLI spells them', () => {
  it('splits words, keeps acronyms whole and digits with the word before them', () => {
    const cases: Array<[string, string]> = [
      ['CreateVirtualMFADevice', 'create-virtual-mfa-device'],
      ['VirtualMFADeviceName', 'virtual-mfa-device-name'],
      ['ListMFADeviceTags', 'list-mfa-device-tags'],
      ['GetMFADevice', 'get-mfa-device'],
      ['AuthenticationCode1', 'authentication-code1'],
      ['AuthenticationCode2', 'authentication-code2'],
      ['QRCodePNG', 'qr-code-png'],
      ['Base32StringSeed', 'base32-string-seed'],
      ['AccessKeyId', 'access-key-id'],
      ['UserName', 'user-name'],
      ['TagKeys', 'tag-keys'],
      ['GetCallerIdentity', 'get-caller-identity'],
    ];
    for (const [wire, cli] of cases) expect(kebabCase(wire)).toBe(cli);
  });

  it('gives the MFA commands and flags the names of the quickstart', () => {
    const iam = SERVICES.iam.operations;
    const enable = iam.find((op) => op.name === 'EnableMFADevice')!;
    expect(enable.command).toBe('enable-mfa-device');
    expect(enable.flags.map((f) => [f.flag, f.param])).toEqual([
      ['user-name', 'UserName'],
      ['serial-number', 'SerialNumber'],
      ['authentication-code1', 'AuthenticationCode1'],
      ['authentication-code2', 'AuthenticationCode2'],
    ]);

    const create = iam.find((op) => op.name === 'CreateVirtualMFADevice')!;
    expect(create.flags.map((f) => f.flag)).toEqual([
      'virtual-mfa-device-name',
      'path',
      'tags',
      'outfile',
      'bootstrap-method',
    ]);
  });

  it('names every command and flag uniquely within its service', () => {
    for (const service of Object.values(SERVICES)) {
      const commands = service.operations.map((op) => op.command);
      expect(new Set(commands).size).toBe(commands.length);
      for (const op of service.operations) {
        const flags = op.flags.map((f) => f.flag);
        expect(new Set(flags).size, op.name).toBe(flags.length);
      }
    }
  });
});
