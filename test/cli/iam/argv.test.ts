import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseCommandLine } from '../../../src/cli/iam/argv.js';
import { ArgumentError } from '../../../src/cli/iam/errors.js';
import type { Invocation } from '../../../src/cli/iam/invocation.js';
import { SERVICES } from '../../../src/cli/iam/operations.js';
import { queryForm } from '../../../src/cli/iam/query.js';

function parse(...args: string[]): Invocation {
  const line = parseCommandLine(SERVICES.iam, args);
  if (line.help) throw new Error('expected a call, got help');
  return line.invocation;
}

function failure(...args: string[]): string {
  try {
    parseCommandLine(SERVICES.iam, args);
  } catch (error) {
    expect(error).toBeInstanceOf(ArgumentError);
    return (error as Error).message;
  }
  throw new Error('expected an ArgumentError');
}

describe('flags of the quickstart, as the AWS CLI spells them', () => {
  it('maps kebab-case flags to the PascalCase parameters, MFA and digits included', () => {
    const call = parse(
      'enable-mfa-device',
      '--user-name',
      'Alice',
      '--serial-number',
      'arn:aws:iam::123456789012:mfa/Alice',
      '--authentication-code1',
      '012345',
      '--authentication-code2=000001',
    );
    expect(call.operation.name).toBe('EnableMFADevice');
    expect(Object.fromEntries(call.params)).toEqual({
      UserName: 'Alice',
      SerialNumber: 'arn:aws:iam::123456789012:mfa/Alice',
      AuthenticationCode1: '012345',
      AuthenticationCode2: '000001',
    });
  });

  it('keeps --outfile and --bootstrap-method as options of the CLI, not parameters', () => {
    const call = parse(
      'create-virtual-mfa-device',
      '--virtual-mfa-device-name',
      'Alice',
      '--outfile',
      'alice.png',
      '--bootstrap-method',
      'QRCodePNG',
    );
    expect(Object.fromEntries(call.params)).toEqual({ VirtualMFADeviceName: 'Alice' });
    expect(Object.fromEntries(call.options)).toEqual({
      outfile: 'alice.png',
      'bootstrap-method': 'QRCodePNG',
    });
  });

  it('requires --outfile and --bootstrap-method, and only the two methods', () => {
    expect(failure('create-virtual-mfa-device', '--virtual-mfa-device-name', 'A')).toBe(
      'the following arguments are required: --outfile, --bootstrap-method',
    );
    expect(
      failure(
        'create-virtual-mfa-device',
        '--virtual-mfa-device-name',
        'A',
        '--outfile',
        'a',
        '--bootstrap-method',
        'PNG',
      ),
    ).toBe('--bootstrap-method must be one of: QRCodePNG, Base32StringSeed');
  });

  it('lists every missing required flag at once', () => {
    expect(failure('enable-mfa-device', '--user-name', 'Alice')).toBe(
      'the following arguments are required: --serial-number, --authentication-code1, ' +
        '--authentication-code2',
    );
  });
});

describe('flag kinds', () => {
  it('reads --tags as Key=...,Value=... words, quotes keeping commas, or as JSON', () => {
    const shorthand = parse('create-user', '--user-name', 'A', '--tags', 'Key=team,Value=id');
    expect(shorthand.params.get('Tags')).toEqual([{ Key: 'team', Value: 'id' }]);

    const quoted = parse('tag-mfa-device', '--serial-number', 's', '--tags', 'Key=a,Value="x, y"');
    expect(quoted.params.get('Tags')).toEqual([{ Key: 'a', Value: 'x, y' }]);

    const json = parse(
      'tag-mfa-device',
      '--serial-number',
      's',
      '--tags',
      '[{"Key":"k","Value":""}]',
    );
    expect(json.params.get('Tags')).toEqual([{ Key: 'k', Value: '' }]);

    expect(failure('tag-mfa-device', '--serial-number', 's', '--tags', 'Key=a')).toBe(
      '--tags: each tag needs both Key= and Value=',
    );
  });

  it('reads a string list as the words up to the next flag, or as JSON', () => {
    const words = parse('untag-mfa-device', '--tag-keys', 'a', 'b', '--serial-number', 's');
    expect(words.params.get('TagKeys')).toEqual(['a', 'b']);

    const json = parse('untag-mfa-device', '--serial-number', 's', '--tag-keys', '["a b"]');
    expect(json.params.get('TagKeys')).toEqual(['a b']);
  });

  it('reads switches as --name and --no-name, and refuses both at once', () => {
    const on = parse('update-login-profile', '--user-name', 'A', '--password-reset-required');
    expect(on.params.get('PasswordResetRequired')).toBe(true);

    const off = parse('update-login-profile', '--user-name', 'A', '--no-password-reset-required');
    expect(off.params.get('PasswordResetRequired')).toBe(false);

    expect(
      failure(
        'update-login-profile',
        '--user-name',
        'A',
        '--password-reset-required',
        '--no-password-reset-required',
      ),
    ).toBe('--password-reset-required is given more than once');
  });

  it('reads integers, and names the flag without echoing a bad value', () => {
    const line = parseCommandLine(SERVICES.sts, ['get-session-token', '--duration-seconds', '900']);
    expect(line.help ? undefined : line.invocation.params.get('DurationSeconds')).toBe(900);
    expect(failure('list-users', '--max-items', 'secret-ish')).toBe(
      '--max-items expects an integer',
    );
  });

  it('reads file:// values from the file, for policy documents and passwords', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-cli-paramfile-'));
    writeFileSync(join(dir, 'policy.json'), '{"Version":"2012-10-17"}');
    const call = parse(
      'put-user-policy',
      '--user-name',
      'A',
      '--policy-name',
      'p',
      '--policy-document',
      `file://${join(dir, 'policy.json')}`,
    );
    expect(call.params.get('PolicyDocument')).toBe('{"Version":"2012-10-17"}');
    expect(failure('get-user', '--user-name', `file://${join(dir, 'missing')}`)).toContain(
      '--user-name: unable to read file://',
    );
  });
});

describe('global options, help and mistakes', () => {
  it('takes the global options before or after the command', () => {
    const call = parse(
      '--endpoint-url',
      'http://127.0.0.1:9999',
      'list-users',
      '--region',
      'eu-west-1',
      '--no-paginate',
      '--profile=dev',
    );
    expect(call.globals).toEqual({
      endpointUrl: 'http://127.0.0.1:9999',
      region: 'eu-west-1',
      profile: 'dev',
      output: 'json',
      paginate: false,
    });
  });

  it('answers help for the service and for one command', () => {
    expect(parseCommandLine(SERVICES.iam, ['help'])).toEqual({ help: true });
    const line = parseCommandLine(SERVICES.iam, ['enable-mfa-device', 'help']);
    expect(line.help && line.operation?.name).toBe('EnableMFADevice');
  });

  it('refuses unknown commands, unknown flags, stray words and repeated flags', () => {
    expect(failure('create-users')).toContain("Invalid choice: 'create-users'");
    expect(failure('get-user', '--bogus', '1')).toBe('Unknown options: --bogus');
    expect(failure('get-user', '--user-name', 'A', 'B')).toBe(
      'Unknown options: a value with no flag of its own, after --user-name',
    );
    expect(failure('update-login-profile', '--password-reset-required', 'Secret-1')).not.toContain(
      'Secret-1',
    );
    expect(failure('get-user', '--user-name', 'A', '--user-name', 'B')).toBe(
      '--user-name is given more than once',
    );
    expect(failure('get-user', '--user-name')).toBe('--user-name expects a value');
    expect(failure('list-users', '--output', 'table')).toBe('--output: only json is supported');
    expect(failure('--region', 'x')).toContain('a command is required');
  });

  it('keeps a value that starts with dashes when given as --flag=value', () => {
    const call = parse('create-login-profile', '--user-name', 'A', '--password=--Str0ng-pass');
    expect(call.params.get('Password')).toBe('--Str0ng-pass');
  });
});

describe('the Query API form', () => {
  it('flattens tags and lists as member.N and percent-encodes per RFC 3986', () => {
    const call = parse(
      'create-user',
      '--user-name',
      'A+B',
      '--tags',
      'Key=a b,Value=1',
      'Key=c,Value=*',
    );
    expect(queryForm(SERVICES.iam, call.operation, call.params)).toBe(
      'Action=CreateUser&Version=2010-05-08&UserName=A%2BB' +
        '&Tags.member.1.Key=a%20b&Tags.member.1.Value=1' +
        '&Tags.member.2.Key=c&Tags.member.2.Value=%2A',
    );
  });

  it('sends switches as true/false and uses the STS version for sts', () => {
    const off = parse('update-login-profile', '--user-name', 'A', '--no-password-reset-required');
    expect(queryForm(SERVICES.iam, off.operation, off.params)).toBe(
      'Action=UpdateLoginProfile&Version=2010-05-08&UserName=A&PasswordResetRequired=false',
    );

    const sts = SERVICES.sts.operations.find((op) => op.name === 'GetCallerIdentity')!;
    expect(queryForm(SERVICES.sts, sts, new Map())).toBe(
      'Action=GetCallerIdentity&Version=2011-06-15',
    );
  });
});
