import { describe, expect, it } from 'vitest';

import {
  MAX_POLICY_DOCUMENT_LENGTH,
  parsePolicyDocument,
  PolicyDocumentError,
} from '../../../src/core/policy/index.js';

describe('parsePolicyDocument: the structured form', () => {
  it('turns single values into lists and a lone statement into a list', () => {
    const document = parsePolicyDocument(
      JSON.stringify({
        Version: '2012-10-17',
        Id: 'example',
        Statement: { Sid: 'One', Effect: 'Allow', Action: 'iam:GetUser', NotResource: '*' },
      }),
    );

    expect(document).toEqual({
      version: '2012-10-17',
      statements: [
        {
          sid: 'One',
          effect: 'Allow',
          actions: ['iam:GetUser'],
          notResources: ['*'],
          conditions: [],
        },
      ],
    });
  });

  it('splits operators and turns JSON numbers and booleans into text', () => {
    const document = parsePolicyDocument(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Deny',
            NotAction: ['iam:ListUsers', 'iam:GetUser'],
            Resource: ['*'],
            Condition: {
              BoolIfExists: { 'aws:MultiFactorAuthPresent': false },
              NumericLessThan: { 'aws:MultiFactorAuthAge': [3600, 1.5] },
              'ForAllValues:StringLikeIfExists': { 'aws:TagKeys': 'team-*' },
            },
          },
        ],
      }),
    );

    expect(document.statements[0]).toEqual({
      effect: 'Deny',
      notActions: ['iam:ListUsers', 'iam:GetUser'],
      resources: ['*'],
      conditions: [
        { operator: 'Bool', ifExists: true, key: 'aws:MultiFactorAuthPresent', values: ['false'] },
        {
          operator: 'NumericLessThan',
          ifExists: false,
          key: 'aws:MultiFactorAuthAge',
          values: ['3600', '1.5'],
        },
        {
          operator: 'StringLike',
          ifExists: true,
          setOperator: 'ForAllValues',
          key: 'aws:TagKeys',
          values: ['team-*'],
        },
      ],
    });
  });

  it('assumes 2008-10-17 when Version is absent', () => {
    const document = parsePolicyDocument(
      '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}',
    );

    expect(document.version).toBe('2008-10-17');
  });

  it('returns a frozen document, so its compiled form cannot go stale', () => {
    const document = parsePolicyDocument(
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}',
    );

    expect(Object.isFrozen(document)).toBe(true);
    expect(Object.isFrozen(document.statements[0]!.actions)).toBe(true);
  });
});

function statement(fields: object): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: fields });
}

const valid = { Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' };
const withCondition = (condition: unknown): string => statement({ ...valid, Condition: condition });

describe('parsePolicyDocument: malformed documents', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"Version": "2012-10-17",', /^Syntax errors in policy\.$/],
    ['not an object', '["Statement"]', /^Syntax errors in policy\.$/],
    ['unknown top-level element', '{"Statement": [], "Extra": 1}', /unsupported element: Extra/],
    [
      'unknown version',
      '{"Version": "2012-10-18", "Statement": []}',
      /Invalid Version "2012-10-18"/,
    ],
    ['no Statement', '{"Version": "2012-10-17"}', /^Missing required field Statement$/],
    ['empty Statement', '{"Version": "2012-10-17", "Statement": []}', /at least one statement/],
    ['statement not an object', '{"Statement": ["Allow"]}', /must be a JSON object/],
    ['no Effect', statement({ Action: '*', Resource: '*' }), /^Missing required field Effect$/],
    ['bad Effect', statement({ ...valid, Effect: 'allow' }), /Invalid effect "allow"/],
    [
      'no Action',
      statement({ Effect: 'Allow', Resource: '*' }),
      /^Policy statement must contain actions\.$/,
    ],
    ['empty Action', statement({ ...valid, Action: [] }), /must contain actions/],
    [
      'Action and NotAction',
      statement({ ...valid, NotAction: 'iam:*' }),
      /both Action and NotAction/,
    ],
    ['Action not text', statement({ ...valid, Action: [1] }), /Action must be a string or strings/],
    ['Action without vendor', statement({ ...valid, Action: 'ListUsers' }), /prefaced by a vendor/],
    ['no Resource', statement({ Effect: 'Allow', Action: '*' }), /must contain resources\./],
    [
      'Resource and NotResource',
      statement({ ...valid, NotResource: '*' }),
      /both Resource and NotResource/,
    ],
    [
      'Resource not an ARN',
      statement({ ...valid, Resource: 'user/alice' }),
      /must be in ARN format or "\*"/,
    ],
    [
      'Principal',
      statement({ ...valid, Principal: { AWS: '*' } }),
      /should not specify a principal/,
    ],
    ['NotPrincipal', statement({ ...valid, NotPrincipal: '*' }), /should not specify a principal/],
    [
      'unknown statement element',
      statement({ ...valid, Effects: 'Deny' }),
      /unsupported element: Effects/,
    ],
    ['Sid with punctuation', statement({ ...valid, Sid: 'my-sid' }), /SID\) must be alpha-numeric/],
    [
      'duplicate Sid',
      statement([
        { ...valid, Sid: 'A' },
        { ...valid, Sid: 'A' },
      ]),
      /SID\) in a single policy must be unique/,
    ],
    [
      'unknown operator',
      withCondition({ StringEqualz: { 'aws:x': 'a' } }),
      /^Invalid Condition type : StringEqualz$/,
    ],
    [
      'operator in wrong case',
      withCondition({ stringEquals: { 'aws:x': 'a' } }),
      /Condition type : stringEquals/,
    ],
    [
      'NullIfExists',
      withCondition({ NullIfExists: { 'aws:x': 'true' } }),
      /Condition type : NullIfExists/,
    ],
    ['Condition not an object', withCondition(['Bool']), /Condition must be an object/],
    ['operator without keys', withCondition({ Bool: 'true' }), /Bool must map keys to values/],
    [
      'key without vendor',
      withCondition({ Bool: { MultiFactorAuthPresent: 'true' } }),
      /prefaced by a vendor/,
    ],
    ['no values', withCondition({ StringEquals: { 'aws:x': [] } }), /empty list of values/],
    [
      'null value',
      withCondition({ StringEquals: { 'aws:x': null } }),
      /not a string, number or boolean/,
    ],
    [
      'bad number',
      withCondition({ NumericEquals: { 'aws:x': '1O' } }),
      /Invalid number "1O" for operator NumericEquals/,
    ],
    [
      'bad date',
      withCondition({ DateLessThan: { 'aws:x': '2024-02-30' } }),
      /Invalid date "2024-02-30"/,
    ],
    [
      'bad boolean',
      withCondition({ Bool: { 'aws:x': 'yes' } }),
      /Invalid boolean "yes" for operator Bool/,
    ],
    [
      'bad Null value',
      withCondition({ Null: { 'aws:x': 'maybe' } }),
      /Invalid boolean "maybe" for operator Null/,
    ],
    [
      'bad base64',
      withCondition({ BinaryEquals: { 'aws:x': 'not base64!' } }),
      /Invalid base64 value/,
    ],
    [
      'bad CIDR',
      withCondition({ IpAddress: { 'aws:SourceIp': '10.0.0.0/33' } }),
      /Invalid IP address or CIDR block "10.0.0.0\/33"/,
    ],
    ['bad IP', withCondition({ NotIpAddress: { 'aws:SourceIp': '10.0.0' } }), /Invalid IP address/],
    [
      'unclosed variable',
      statement({ ...valid, Resource: 'arn:aws:iam::*:user/${aws:username' }),
      /missing its closing brace/,
    ],
    [
      'empty variable',
      withCondition({ StringEquals: { 'aws:x': '${}' } }),
      /Invalid policy variable \$\{\}/,
    ],
  ];

  for (const [title, json, message] of cases) {
    it(`${title}: ${message.source}`, () => {
      const parse = (): unknown => parsePolicyDocument(json);

      expect(parse).toThrow(PolicyDocumentError);
      expect(parse).toThrow(message);
    });
  }

  it(`refuses a document longer than ${MAX_POLICY_DOCUMENT_LENGTH} characters`, () => {
    const json = statement({ ...valid, Sid: 'A'.repeat(MAX_POLICY_DOCUMENT_LENGTH) });

    expect(() => parsePolicyDocument(json)).toThrow(/longer than 131072 characters/);
  });

  it('throws TypeError, not a policy error, when not given a string', () => {
    expect(() => parsePolicyDocument({} as string)).toThrow(TypeError);
  });
});
