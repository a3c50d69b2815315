import { describe, expect, it } from 'vitest';

import { requestParameters } from '../../src/api/audit/request-parameters.js';
import { responseElements } from '../../src/api/audit/response-elements.js';
import { isSecretName } from '../../src/domain/audit/secrets.js';

const of = (entries: Record<string, string>) => requestParameters(new Map(Object.entries(entries)));

describe('requestParameters, as CloudTrail writes them', () => {
  it('names members in lowerCamelCase and turns .member.N lists into arrays', () => {
    expect(
      of({
        Action: 'CreateUser',
        Version: '2010-05-08',
        UserName: 'alice',
        'Tags.member.2.Key': 'b',
        'Tags.member.1.Key': 'a',
        'Tags.member.1.Value': '1',
        'TagKeys.member.1': 'k',
      }),
    ).toEqual({
      userName: 'alice',
      tags: [{ key: 'a', value: '1' }, { key: 'b' }],
      tagKeys: ['k'],
    });
  });

  it('writes the booleans and numbers CloudTrail types', () => {
    expect(of({ PasswordResetRequired: 'true', MaxItems: '10', DurationSeconds: 'soon' })).toEqual({
      passwordResetRequired: true,
      maxItems: 10,
      durationSeconds: 'soon',
    });
  });

  it('invariant: leaves out every secret and every signature parameter', () => {
    const params = of({
      Password: 'p',
      NewPassword: 'p',
      OldPassword: 'p',
      AuthenticationCode1: '123456',
      AuthenticationCode2: '654321',
      TokenCode: '111111',
      'X-Amz-Signature': 'abc',
      'X-Amz-Security-Token': 'token',
      'x-amz-credential': 'AKIA/...',
      ClientSecret: 's',
      PolicyDocument: '{}',
    });
    expect(params).toEqual({ policyDocument: '{}' });
  });

  it('stays small and sane for any names a client sends', () => {
    expect(of({ ['A' + '.member.1'.repeat(5000)]: 'deep' })).toEqual({});
    expect(of({ ['x'.repeat(300)]: 'long' })).toEqual({});
    expect(of({ 'L.member.9999': 'far', 'L.member.0': 'zero' })).toEqual({
      l: { member: { '9999': 'far', '0': 'zero' } },
    });
    const names = new Map([
      ['__proto__', 'x'],
      ['constructor.member.1', 'y'],
    ]);
    const proto = requestParameters(names);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(['__proto__', 'constructor']);
  });

  it('keeps the first of two names that clash', () => {
    expect(of({ Tags: 'plain', 'Tags.member.1.Key': 'k' })).toEqual({ tags: 'plain' });
    expect(of({ 'Tags.member.1.Key': 'k', 'Tags.Key': 'x' })).toEqual({ tags: [{ key: 'k' }] });
  });
});

describe('responseElements', () => {
  it('drops secret keys, tokens, seeds and binary members', () => {
    expect(
      responseElements({
        Credentials: { AccessKeyId: 'ASIA1', SecretAccessKey: 's', SessionToken: 't' },
        VirtualMFADevice: {
          SerialNumber: 'arn',
          Base32StringSeed: Buffer.from('x'),
          QRCodePNG: Buffer.from('y'),
        },
        Users: [{ UserName: 'a', PasswordLastUsed: '2026-01-01T00:00:00Z' }],
        IsTruncated: false,
        Marker: undefined,
      }),
    ).toEqual({
      credentials: { accessKeyId: 'ASIA1' },
      virtualMFADevice: { serialNumber: 'arn' },
      users: [{ userName: 'a', passwordLastUsed: '2026-01-01T00:00:00Z' }],
      isTruncated: false,
    });
    expect(responseElements(undefined)).toBeNull();
  });

  it('names secrets by their wire names, and nothing else', () => {
    for (const name of ['Password', 'AuthenticationCode1', 'TokenCode', 'SessionToken']) {
      expect(isSecretName(name), name).toBe(true);
    }
    for (const name of ['PasswordResetRequired', 'PolicyDocument', 'AccessKeyId', 'Marker']) {
      expect(isSecretName(name), name).toBe(false);
    }
  });
});
