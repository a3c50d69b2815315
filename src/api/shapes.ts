/**
 * The constraints of the IAM and STS models, by the member names AWS uses in validation messages.
 * botocore checks only `required` and `min`; everything else reaches the server and is checked
 * here.
 */
export interface Shape {
  /** lowerCamelCase member name, as AWS prints it in "at 'userName'". */
  member: string;
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** The pattern as AWS prints it. */
  patternText?: string;
  values?: readonly string[];
  /** Never echo the value (passwords, codes). */
  sensitive?: boolean;
}

const NAME = /^[\w+=,.@-]+$/;
const NAME_TEXT = '[\\w+=,.@-]+';

// Policy paths allow fewer characters than user paths: letters, digits and a little punctuation.
const POLICY_PATH = {
  min: 1,
  max: 512,
  pattern: /^((\/[A-Za-z0-9.,+@=_-]+)*)\/$/,
  patternText: '((/[A-Za-z0-9\\.,\\+@=_-]+)*)/',
};

export const S = {
  userName: { member: 'userName', min: 1, max: 64, pattern: NAME, patternText: NAME_TEXT },
  existingUserName: { member: 'userName', min: 1, max: 128, pattern: NAME, patternText: NAME_TEXT },
  newUserName: { member: 'newUserName', min: 1, max: 64, pattern: NAME, patternText: NAME_TEXT },
  path: {
    member: 'path',
    min: 1,
    max: 512,
    pattern: /^(\/|\/[\u0021-\u007E]+\/)$/,
    patternText: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)',
  },
  newPath: {
    member: 'newPath',
    min: 1,
    max: 512,
    pattern: /^(\/|\/[\u0021-\u007E]+\/)$/,
    patternText: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)',
  },
  pathPrefix: {
    member: 'pathPrefix',
    min: 1,
    max: 512,
    pattern: /^\/[\u0021-\u007F]*$/,
    patternText: '\\u002F[\\u0021-\\u007F]*',
  },
  serialNumber: {
    member: 'serialNumber',
    min: 9,
    max: 256,
    pattern: /^[\w+=/:,.@-]+$/,
    patternText: '[\\w+=/:,.@-]+',
  },
  stsSerialNumber: {
    member: 'serialNumber',
    min: 9,
    max: 256,
    pattern: /^[\w+=/:,.@-]*$/,
    patternText: '[\\w+=/:,.@-]*',
  },
  authenticationCode1: {
    member: 'authenticationCode1',
    min: 6,
    max: 6,
    pattern: /^\d+$/,
    patternText: '[\\d]+',
    sensitive: true,
  },
  authenticationCode2: {
    member: 'authenticationCode2',
    min: 6,
    max: 6,
    pattern: /^\d+$/,
    patternText: '[\\d]+',
    sensitive: true,
  },
  tokenCode: {
    member: 'tokenCode',
    min: 6,
    max: 6,
    pattern: /^\d*$/,
    patternText: '[\\d]*',
    sensitive: true,
  },
  virtualMFADeviceName: {
    member: 'virtualMFADeviceName',
    min: 1,
    max: 226,
    pattern: NAME,
    patternText: NAME_TEXT,
  },
  marker: {
    member: 'marker',
    min: 1,
    max: 320,
    pattern: /^[\u0020-\u00FF]+$/,
    patternText: '[\\u0020-\\u00FF]+',
  },
  maxItems: { member: 'maxItems', min: 1, max: 1000 },
  durationSeconds: { member: 'durationSeconds', min: 900, max: 129_600 },
  accessKeyId: {
    member: 'accessKeyId',
    min: 16,
    max: 128,
    pattern: /^\w+$/,
    patternText: '[\\w]+',
  },
  accessKeyStatus: { member: 'status', values: ['Active', 'Inactive', 'Expired'] },
  password: {
    member: 'password',
    min: 1,
    max: 128,
    pattern: /^[\u0009\u000A\u000D\u0020-\u00FF]+$/,
    patternText: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
    sensitive: true,
  },
  assignmentStatus: { member: 'assignmentStatus', values: ['Assigned', 'Unassigned', 'Any'] },
  tagKey: {
    member: 'key',
    min: 1,
    max: 128,
    pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u,
    patternText: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+',
  },
  tagValue: {
    member: 'value',
    min: 0,
    max: 256,
    pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
    patternText: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*',
  },
  policyName: { member: 'policyName', min: 1, max: 128, pattern: NAME, patternText: NAME_TEXT },
  groupName: { member: 'groupName', min: 1, max: 128, pattern: NAME, patternText: NAME_TEXT },
  policyPath: { member: 'path', ...POLICY_PATH },
  policyPathPrefix: { member: 'pathPrefix', ...POLICY_PATH },
  policyDocument: {
    member: 'policyDocument',
    min: 1,
    max: 131_072,
    pattern: /^[\u0009\u000A\u000D\u0020-\u00FF]+$/,
    patternText: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
  },
  policyDescription: { member: 'description', max: 1000 },
  policyArn: { member: 'policyArn', min: 20, max: 2048 },
  versionId: {
    member: 'versionId',
    pattern: /^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$/,
    patternText: 'v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?',
  },
  policyScope: { member: 'scope', values: ['All', 'AWS', 'Local'] },
  policyUsageFilter: {
    member: 'policyUsageFilter',
    values: ['PermissionsPolicy', 'PermissionsBoundary'],
  },
} satisfies Record<string, Shape>;
