import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { actionNames } from '../../src/api/actions.js';
import { base32Decode, timeStep, totpAt } from '../../src/core/otp/index.js';
import type { AuditEvent } from '../../src/domain/audit/event.js';
import { startInProcess, type InProcessTessera } from '../support/in-process.js';
import { field, query, type Caller, type QueryResponse } from '../support/query.js';

const ACCOUNT = '123456789012';
const PASSWORD = 'Corr3ct-Horse-Battery';
const NEW_PASSWORD = 'Tr0ub4dor&3-Staple';
const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }],
});

/**
 * The audit trail as a security team reads it: one CloudTrail-shaped event for every API call,
 * refused or not, and none of the secrets the calls carried. The scenario drives every
 * operation once to success (as the root user) and once to failure, then reads the trail back.
 */
describe('the audit trail of the Query API', () => {
  let tessera: InProcessTessera;
  let events: AuditEvent[];
  const secrets: string[] = [PASSWORD, NEW_PASSWORD];
  const codes: string[] = [];
  const responses = new Map<string, QueryResponse>();

  beforeAll(async () => {
    tessera = await startInProcess();
    secrets.push(tessera.root.secretAccessKey);
    await runScenario();
    events = await tessera.deps.store.audit.list({ limit: 100_000 });
  }, 120_000);

  afterAll(async () => {
    await tessera?.close();
  });

  const now = (): number => tessera.deps.clock();

  async function call(
    action: string,
    params: Record<string, string> = {},
    options: { caller?: Caller; service?: 'iam' | 'sts'; expect?: string; as?: string } = {},
  ): Promise<QueryResponse> {
    const caller = options.caller ?? tessera.root;
    const service = options.service ?? (action.startsWith('Get') && isSts(action) ? 'sts' : 'iam');
    const response = await query(tessera.url, caller, action, params, { service });
    const expected = options.expect ?? 'ok';
    expect(response.code ?? 'ok', `${action} ${JSON.stringify(params)}`).toBe(expected);
    responses.set(options.as ?? `${action}:${expected === 'ok' ? 'ok' : 'failed'}`, response);
    return response;
  }

  function isSts(action: string): boolean {
    return action === 'GetSessionToken' || action === 'GetCallerIdentity';
  }

  /** Two consecutive codes at the device's current step, remembered as secrets. */
  function codesFor(seed: Buffer, offset = 0): [string, string] {
    const step = timeStep(now()) + offset;
    const pair: [string, string] = [totpAt(seed, step), totpAt(seed, step + 1)];
    codes.push(...pair);
    return pair;
  }

  async function runScenario(): Promise<void> {
    await usersAndProfiles();
    const { serial, seed, userKey } = await keysAndDevices();
    await sessions(serial, seed, userKey);
    await policiesAndGroups();
    await teardown(serial, userKey);
    await refusedForEveryOperation(userKey);
  }

  async function usersAndProfiles(): Promise<void> {
    await call('CreateUser', {
      UserName: 'alice',
      'Tags.member.1.Key': 'team',
      'Tags.member.1.Value': 'sec',
    });
    await call('CreateUser', { UserName: 'alice' }, { expect: 'EntityAlreadyExists' });
    await call('GetUser', { UserName: 'alice' });
    await call('ListUsers', { MaxItems: '10' });
    await call('UpdateUser', { UserName: 'alice', NewPath: '/staff/' });
    await call('CreateLoginProfile', {
      UserName: 'alice',
      Password: PASSWORD,
      PasswordResetRequired: 'true',
    });
    await call(
      'CreateLoginProfile',
      { UserName: 'alice', Password: PASSWORD },
      { expect: 'EntityAlreadyExists' },
    );
    await call('GetLoginProfile', { UserName: 'alice' });
    await call('UpdateLoginProfile', { UserName: 'alice', Password: NEW_PASSWORD });
    await call('DeleteLoginProfile', { UserName: 'alice' });
  }

  async function keysAndDevices(): Promise<{ serial: string; seed: Buffer; userKey: Caller }> {
    const created = await call('CreateAccessKey', { UserName: 'alice' });
    const userKey = {
      accessKeyId: field(created.text, 'AccessKeyId')!,
      secretAccessKey: field(created.text, 'SecretAccessKey')!,
    };
    secrets.push(userKey.secretAccessKey);
    await call('ListAccessKeys', { UserName: 'alice' });
    await call('UpdateAccessKey', {
      UserName: 'alice',
      AccessKeyId: userKey.accessKeyId,
      Status: 'Active',
    });

    const device = await call('CreateVirtualMFADevice', { VirtualMFADeviceName: 'alice-phone' });
    const serial = field(device.text, 'SerialNumber')!;
    const blob = field(device.text, 'Base32StringSeed')!;
    const base32 = Buffer.from(blob, 'base64').toString();
    secrets.push(blob, base32, field(device.text, 'QRCodePNG')!);
    const seed = base32Decode(base32)!;

    const [w1, w2] = ['000000', '999999'];
    await call(
      'EnableMFADevice',
      { UserName: 'alice', SerialNumber: serial, AuthenticationCode1: w1, AuthenticationCode2: w2 },
      { expect: 'InvalidAuthenticationCode' },
    );
    const [c1, c2] = codesFor(seed);
    await call('EnableMFADevice', {
      UserName: 'alice',
      SerialNumber: serial,
      AuthenticationCode1: c1,
      AuthenticationCode2: c2,
    });
    tessera.deps.clock.advance(90_000);
    const [r1, r2] = codesFor(seed);
    await call('ResyncMFADevice', {
      UserName: 'alice',
      SerialNumber: serial,
      AuthenticationCode1: r1,
      AuthenticationCode2: r2,
    });
    await call('GetMFADevice', { SerialNumber: serial });
    await call('ListMFADevices', { UserName: 'alice' });
    await call('ListVirtualMFADevices', { AssignmentStatus: 'Assigned' });
    await call('TagMFADevice', {
      SerialNumber: serial,
      'Tags.member.1.Key': 'k',
      'Tags.member.1.Value': 'v',
    });
    await call('ListMFADeviceTags', { SerialNumber: serial });
    await call('UntagMFADevice', { SerialNumber: serial, 'TagKeys.member.1': 'k' });
    return { serial, seed, userKey };
  }

  async function sessions(serial: string, seed: Buffer, userKey: Caller): Promise<void> {
    tessera.deps.clock.advance(90_000);
    await call(
      'GetSessionToken',
      { SerialNumber: serial, TokenCode: '123123' },
      { caller: userKey, service: 'sts', expect: 'AccessDenied' },
    );
    const [code] = codesFor(seed);
    const issued = await call(
      'GetSessionToken',
      { SerialNumber: serial, TokenCode: code, DurationSeconds: '3600' },
      { caller: userKey, service: 'sts' },
    );
    const session = {
      accessKeyId: field(issued.text, 'AccessKeyId')!,
      secretAccessKey: field(issued.text, 'SecretAccessKey')!,
      sessionToken: field(issued.text, 'SessionToken')!,
    };
    secrets.push(session.secretAccessKey, session.sessionToken);

    await call(
      'GetCallerIdentity',
      {},
      { caller: session, service: 'sts', as: 'session-identity' },
    );
    await call('GetCallerIdentity', {}, { service: 'sts' });
    const forged = { accessKeyId: 'AKIAFORGEDFORGED0000', secretAccessKey: 'x'.repeat(40) };
    await call(
      'GetCallerIdentity',
      {},
      { caller: forged, service: 'sts', expect: 'InvalidClientTokenId' },
    );
  }

  async function policiesAndGroups(): Promise<void> {
    const created = await call('CreatePolicy', {
      PolicyName: 'read-users',
      PolicyDocument: POLICY,
    });
    const arn = field(created.text, 'Arn')!;
    await call(
      'CreatePolicy',
      { PolicyName: 'broken', PolicyDocument: '{' },
      { expect: 'MalformedPolicyDocument' },
    );
    await call('GetPolicy', { PolicyArn: arn });
    await call('ListPolicies', { Scope: 'Local' });
    await call('CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: POLICY });
    await call('ListPolicyVersions', { PolicyArn: arn });
    await call('GetPolicyVersion', { PolicyArn: arn, VersionId: 'v2' });
    await call('SetDefaultPolicyVersion', { PolicyArn: arn, VersionId: 'v2' });
    await call('DeletePolicyVersion', { PolicyArn: arn, VersionId: 'v1' });
    await call('AttachUserPolicy', { UserName: 'alice', PolicyArn: arn });
    await call('ListAttachedUserPolicies', { UserName: 'alice' });
    await call('DetachUserPolicy', { UserName: 'alice', PolicyArn: arn });
    await call('PutUserPolicy', {
      UserName: 'alice',
      PolicyName: 'inline',
      PolicyDocument: POLICY,
    });
    await call('GetUserPolicy', { UserName: 'alice', PolicyName: 'inline' });
    await call('ListUserPolicies', { UserName: 'alice' });
    await call('DeleteUserPolicy', { UserName: 'alice', PolicyName: 'inline' });

    await call('CreateGroup', { GroupName: 'auditors' });
    await call('GetGroup', { GroupName: 'auditors' });
    await call('ListGroups', {});
    await call('AddUserToGroup', { GroupName: 'auditors', UserName: 'alice' });
    await call('ListGroupsForUser', { UserName: 'alice' });
    await call('RemoveUserFromGroup', { GroupName: 'auditors', UserName: 'alice' });
    await call('AttachGroupPolicy', { GroupName: 'auditors', PolicyArn: arn });
    await call('ListAttachedGroupPolicies', { GroupName: 'auditors' });
    await call('DetachGroupPolicy', { GroupName: 'auditors', PolicyArn: arn });
    await call('PutGroupPolicy', {
      GroupName: 'auditors',
      PolicyName: 'inline',
      PolicyDocument: POLICY,
    });
    await call('GetGroupPolicy', { GroupName: 'auditors', PolicyName: 'inline' });
    await call('ListGroupPolicies', { GroupName: 'auditors' });
    await call('DeleteGroupPolicy', { GroupName: 'auditors', PolicyName: 'inline' });
    await call('DeleteGroup', { GroupName: 'auditors' });
    await call('DeletePolicy', { PolicyArn: arn });
  }

  async function teardown(serial: string, userKey: Caller): Promise<void> {
    await call('DeactivateMFADevice', { UserName: 'alice', SerialNumber: serial });
    await call('DeleteVirtualMFADevice', { SerialNumber: serial });
    const spare = await call('CreateAccessKey', { UserName: 'alice' }, { as: 'spare-key' });
    secrets.push(field(spare.text, 'SecretAccessKey')!);
    await call('DeleteAccessKey', {
      UserName: 'alice',
      AccessKeyId: field(spare.text, 'AccessKeyId')!,
    });
    await call('CreateUser', { UserName: 'bob' }, { as: 'bob' });
    await call('DeleteUser', { UserName: 'bob' });
    expect(userKey.accessKeyId).toMatch(/^AKIA/);
  }

  /** alice has no policy, so every operation policies govern is refused; the others fail too. */
  async function refusedForEveryOperation(userKey: Caller): Promise<void> {
    for (const action of actionNames('iam')) {
      const response = await query(tessera.url, userKey, action, { UserName: 'alice' });
      expect(response.status, action).toBeGreaterThanOrEqual(400);
      expect(response.status, action).toBeLessThan(500);
    }
    await call(
      'GetSessionToken',
      { DurationSeconds: '60' },
      { caller: userKey, service: 'sts', expect: 'ValidationError', as: 'short-session' },
    );
    await call(
      'GetCallerIdentity',
      { Junk: '%' },
      {
        caller: { ...userKey, secretAccessKey: 'wrong'.repeat(8) },
        service: 'sts',
        expect: 'SignatureDoesNotMatch',
        as: 'bad-signature',
      },
    );
  }

  function eventFor(key: string): AuditEvent {
    const requestId = responses.get(key)?.requestId;
    const event = events.find((e) => e.requestID === requestId);
    expect(event, key).toBeDefined();
    return event!;
  }

  it('records every operation once to success and once to failure', () => {
    for (const service of ['iam', 'sts'] as const) {
      for (const name of actionNames(service)) {
        const mine = events.filter((e) => e.eventName === name);
        expect(
          mine.some((e) => e.errorCode === undefined),
          `${name} succeeded`,
        ).toBe(true);
        expect(
          mine.some((e) => e.errorCode !== undefined),
          `${name} failed`,
        ).toBe(true);
        expect(
          mine.every((e) => e.eventSource === `${service}.amazonaws.com`),
          name,
        ).toBe(true);
      }
    }
  });

  it('writes one event per call, named by its request id', () => {
    const ids = events.map((e) => e.requestID);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(events.map((e) => e.eventID)).size).toBe(events.length);
    for (const response of responses.values()) {
      expect(ids).toContain(response.requestId);
    }
  });

  it('shapes a successful call as a CloudTrail record', () => {
    const event = eventFor('CreateUser:ok');
    expect(event).toMatchObject({
      eventVersion: '1.09',
      userIdentity: {
        type: 'Root',
        principalId: ACCOUNT,
        arn: `arn:aws:iam::${ACCOUNT}:root`,
        accountId: ACCOUNT,
        accessKeyId: tessera.root.accessKeyId,
      },
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateUser',
      awsRegion: 'us-east-1',
      sourceIPAddress: '127.0.0.1',
      userAgent: 'tessera-tests/1.0',
      requestParameters: { userName: 'alice', tags: [{ key: 'team', value: 'sec' }] },
      responseElements: {
        user: { path: '/', userName: 'alice', arn: `arn:aws:iam::${ACCOUNT}:user/alice` },
      },
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: ACCOUNT,
      eventCategory: 'Management',
    });
    expect(event.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(event.eventID).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(event.errorCode).toBeUndefined();
    expect(Object.keys(event).slice(0, 6)).toEqual([
      'eventVersion',
      'userIdentity',
      'eventTime',
      'eventSource',
      'eventName',
      'awsRegion',
    ]);
  });

  it('records a refusal with its error code and message, and no response', () => {
    const event = eventFor('CreateUser:failed');
    expect(event).toMatchObject({
      errorCode: 'EntityAlreadyExists',
      errorMessage: 'User with name alice already exists.',
      requestParameters: { userName: 'alice' },
      responseElements: null,
    });
  });

  it('marks Get and List calls read-only, without response elements', () => {
    expect(eventFor('ListUsers:ok')).toMatchObject({
      readOnly: true,
      requestParameters: { maxItems: 10 },
      responseElements: null,
    });
  });

  it('keeps policy documents but leaves passwords and codes out of the parameters', () => {
    expect(eventFor('CreatePolicy:ok').requestParameters).toEqual({
      policyName: 'read-users',
      policyDocument: POLICY,
    });
    expect(eventFor('CreateLoginProfile:ok').requestParameters).toEqual({
      userName: 'alice',
      passwordResetRequired: true,
    });
    expect(eventFor('EnableMFADevice:ok').requestParameters).toEqual({
      userName: 'alice',
      serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/alice-phone`,
    });
    expect(eventFor('GetSessionToken:ok').requestParameters).toEqual({
      serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/alice-phone`,
      durationSeconds: 3600,
    });
  });

  it('leaves secret keys, session tokens, seeds and QR codes out of the response', () => {
    expect(eventFor('CreateAccessKey:ok').responseElements).toEqual({
      accessKey: {
        userName: 'alice',
        accessKeyId: expect.stringMatching(/^AKIA/),
        status: 'Active',
        createDate: expect.any(String),
      },
    });
    expect(eventFor('CreateVirtualMFADevice:ok').responseElements).toEqual({
      virtualMFADevice: { serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/alice-phone` },
    });
    expect(eventFor('GetSessionToken:ok').responseElements).toEqual({
      credentials: { accessKeyId: expect.stringMatching(/^ASIA/), expiration: expect.any(String) },
    });
  });

  it('names IAM users, and STS sessions with their MFA state and creation time', () => {
    expect(eventFor('GetSessionToken:ok').userIdentity).toMatchObject({
      type: 'IAMUser',
      principalId: expect.stringMatching(/^AIDA/),
      arn: `arn:aws:iam::${ACCOUNT}:user/staff/alice`,
      userName: 'alice',
    });
    const session = eventFor('session-identity').userIdentity;
    expect(session.accessKeyId).toMatch(/^ASIA/);
    expect(session.sessionContext).toEqual({
      attributes: { creationDate: expect.stringMatching(/Z$/), mfaAuthenticated: 'true' },
    });
  });

  it('records refused authentication with the key id it claimed, and nothing more', () => {
    expect(eventFor('GetCallerIdentity:failed').userIdentity).toEqual({
      type: 'Unknown',
      accessKeyId: 'AKIAFORGEDFORGED0000',
    });
    expect(eventFor('bad-signature')).toMatchObject({
      errorCode: 'SignatureDoesNotMatch',
      userIdentity: { type: 'Unknown', accessKeyId: expect.stringMatching(/^AKIA/) },
      requestParameters: { junk: '%' },
    });
  });

  it('records a wrong MFA code as a refusal', () => {
    expect(eventFor('EnableMFADevice:failed')).toMatchObject({
      errorCode: 'InvalidAuthenticationCode',
      requestParameters: { userName: 'alice', serialNumber: expect.any(String) },
    });
    expect(eventFor('GetSessionToken:failed').errorCode).toBe('AccessDenied');
  });

  it('invariant: no event holds a password, code, secret key, token, seed or QR code', () => {
    const trail = events.map((event) => JSON.stringify(event)).join('\n');
    expect(secrets.length).toBeGreaterThan(8);
    for (const secret of secrets) expect(trail.includes(secret), 'a secret').toBe(false);
    for (const code of codes) expect(trail.includes(`"${code}"`), `code ${code}`).toBe(false);
    const fields = ['password', 'authenticationCode[12]', 'tokenCode', 'sessionToken'];
    fields.push('secretAccessKey', 'base32StringSeed', 'qRCodePNG');
    expect(trail).not.toMatch(new RegExp(`"(${fields.join('|')})":`, 'i'));
  });
});
