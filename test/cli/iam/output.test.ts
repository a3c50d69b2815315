import { describe, expect, it } from 'vitest';

import { ConnectionError, ServiceError } from '../../../src/cli/iam/errors.js';
import { SERVICES } from '../../../src/cli/iam/operations.js';
import { readReply } from '../../../src/cli/iam/response.js';

const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const operation = (name: string) => SERVICES.iam.operations.find((op) => op.name === name)!;

function ok(action: string, result: string): { status: number; statusText: string; body: string } {
  const body =
    `<${action}Response xmlns="${IAM_NS}"><${action}Result>${result}</${action}Result>` +
    `<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></${action}Response>`;
  return { status: 200, statusText: 'OK', body };
}

describe('output shaped like the AWS CLI', () => {
  it('unwraps member lists, and prints an empty list as []', () => {
    const devices =
      '<MFADevices><member><UserName>Alice</UserName><SerialNumber>arn:s</SerialNumber>' +
      '<EnableDate>2026-01-02T03:04:05Z</EnableDate></member></MFADevices>' +
      '<IsTruncated>false</IsTruncated>';
    expect(readReply(operation('ListMFADevices'), ok('ListMFADevices', devices))).toEqual({
      MFADevices: [
        { UserName: 'Alice', SerialNumber: 'arn:s', EnableDate: '2026-01-02T03:04:05Z' },
      ],
      IsTruncated: false,
    });

    const empty = '<MFADevices></MFADevices><IsTruncated>false</IsTruncated>';
    expect(readReply(operation('ListMFADevices'), ok('ListMFADevices', empty))).toEqual({
      MFADevices: [],
      IsTruncated: false,
    });
  });

  it('types booleans and integers, and keeps ids and codes as text', () => {
    const policy =
      '<Policy><PolicyName>p</PolicyName><PolicyId>ANPA0123</PolicyId>' +
      '<DefaultVersionId>v1</DefaultVersionId><AttachmentCount>3</AttachmentCount>' +
      '<IsAttachable>true</IsAttachable></Policy>';
    expect(readReply(operation('GetPolicy'), ok('GetPolicy', policy))).toEqual({
      Policy: {
        PolicyName: 'p',
        PolicyId: 'ANPA0123',
        DefaultVersionId: 'v1',
        AttachmentCount: 3,
        IsAttachable: true,
      },
    });

    const profile =
      '<LoginProfile><UserName>007</UserName><PasswordResetRequired>true</PasswordResetRequired>' +
      '</LoginProfile>';
    expect(readReply(operation('GetLoginProfile'), ok('GetLoginProfile', profile))).toEqual({
      LoginProfile: { UserName: '007', PasswordResetRequired: true },
    });
  });

  it('decodes XML escapes and keeps surrounding spaces of values', () => {
    const tags = '<Tags><member><Key>a&amp;b</Key><Value> x&#13;y </Value></member></Tags>';
    expect(readReply(operation('ListMFADeviceTags'), ok('ListMFADeviceTags', tags))).toEqual({
      Tags: [{ Key: 'a&b', Value: ' x\ry ' }],
    });
  });

  it('prints policy documents as JSON, the way botocore decodes them', () => {
    const document = encodeURIComponent('{"Version":"2012-10-17","Statement":[]}');
    const body =
      '<UserName>A</UserName><PolicyName>p</PolicyName>' +
      `<PolicyDocument>${document}</PolicyDocument>`;
    expect(readReply(operation('GetUserPolicy'), ok('GetUserPolicy', body))).toEqual({
      UserName: 'A',
      PolicyName: 'p',
      PolicyDocument: { Version: '2012-10-17', Statement: [] },
    });
  });

  it('gives an empty result for operations that return none', () => {
    const body =
      `<EnableMFADeviceResponse xmlns="${IAM_NS}"><ResponseMetadata><RequestId>r</RequestId>` +
      '</ResponseMetadata></EnableMFADeviceResponse>';
    const reply = { status: 200, statusText: 'OK', body };
    expect(readReply(operation('EnableMFADevice'), reply)).toEqual({});
  });

  it('refuses a response with an element named __proto__ rather than merge it', () => {
    const reply = ok('GetUser', '<__proto__><polluted>yes</polluted></__proto__>');
    expect(() => readReply(operation('GetUser'), reply)).toThrow(ConnectionError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('errors in the AWS CLI words', () => {
  it('reads the code and message of an ErrorResponse', () => {
    const body =
      `<ErrorResponse xmlns="${IAM_NS}"><Error><Type>Sender</Type>` +
      '<Code>InvalidAuthenticationCode</Code><Message>Authentication code for device is not ' +
      'valid.</Message></Error><RequestId>r</RequestId></ErrorResponse>';
    const reply = { status: 403, statusText: 'Forbidden', body };

    expect(() => readReply(operation('EnableMFADevice'), reply)).toThrow(ServiceError);
    expect(() => readReply(operation('EnableMFADevice'), reply)).toThrow(
      'An error occurred (InvalidAuthenticationCode) when calling the EnableMFADevice ' +
        'operation: Authentication code for device is not valid.',
    );
  });

  it('falls back to the HTTP status when the error is not XML', () => {
    const reply = { status: 502, statusText: 'Bad Gateway', body: '<html>oops' };
    expect(() => readReply(operation('GetUser'), reply)).toThrow(
      'An error occurred (502) when calling the GetUser operation: Bad Gateway',
    );
  });

  it('reports a 200 that is not a Query API response as a connection problem', () => {
    const reply = { status: 200, statusText: 'OK', body: '{"ok":true}' };
    expect(() => readReply(operation('GetUser'), reply)).toThrow(ConnectionError);
  });
});
