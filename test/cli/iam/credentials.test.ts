import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { resolveIdentity } from '../../../src/cli/iam/credentials.js';
import { endpointUrl } from '../../../src/cli/iam/endpoint.js';
import type { Globals } from '../../../src/cli/iam/invocation.js';

const globals = (extra: Partial<Globals> = {}): Globals => ({
  output: 'json',
  paginate: true,
  ...extra,
});

const CREDENTIALS = `[default]
aws_access_key_id = AKIADEFAULT
aws_secret_access_key = default-secret

[dev]
aws_access_key_id = AKIADEV
aws_secret_access_key = dev-secret
aws_session_token = dev-token
`;

const CONFIG = `[default]
region = eu-central-1

[profile dev]
region = ap-south-1

[profile roles-only]
role_arn = arn:aws:iam::123456789012:role/x
`;

describe('credentials and region, in the AWS CLI order', () => {
  beforeEach(() => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-cli-aws-'));
    writeFileSync(join(dir, 'credentials'), CREDENTIALS);
    writeFileSync(join(dir, 'config'), CONFIG);
    for (const name of [
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_PROFILE',
      'AWS_REGION',
      'AWS_DEFAULT_REGION',
    ]) {
      vi.stubEnv(name, undefined);
    }
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'credentials'));
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'));
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('uses the default profile of both files when nothing else is set', async () => {
    expect(await resolveIdentity(globals())).toEqual({
      credentials: { accessKeyId: 'AKIADEFAULT', secretAccessKey: 'default-secret' },
      region: 'eu-central-1',
    });
  });

  it('prefers the AWS_* variables over AWS_PROFILE and its region', async () => {
    vi.stubEnv('AWS_PROFILE', 'dev');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAENV');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'env-secret');
    vi.stubEnv('AWS_SESSION_TOKEN', 'env-token');
    vi.stubEnv('AWS_DEFAULT_REGION', 'us-west-2');

    expect(await resolveIdentity(globals())).toEqual({
      credentials: {
        accessKeyId: 'AKIAENV',
        secretAccessKey: 'env-secret',
        sessionToken: 'env-token',
      },
      region: 'us-west-2',
    });
  });

  it('lets an explicit --profile win over the environment, and --region over all', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAENV');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'env-secret');

    expect(await resolveIdentity(globals({ profile: 'dev' }))).toEqual({
      credentials: {
        accessKeyId: 'AKIADEV',
        secretAccessKey: 'dev-secret',
        sessionToken: 'dev-token',
      },
      region: 'ap-south-1',
    });
    const region = (await resolveIdentity(globals({ profile: 'dev', region: 'sa-east-1' }))).region;
    expect(region).toBe('sa-east-1');
  });

  it('names a missing profile, and says so when no credentials are found', async () => {
    await expect(resolveIdentity(globals({ profile: 'nope' }))).rejects.toThrow(
      'The config profile (nope) could not be found',
    );
    await expect(resolveIdentity(globals({ profile: 'roles-only' }))).rejects.toThrow(
      'Unable to locate credentials',
    );
  });

  it('falls back to us-east-1, as IAM and STS are global', async () => {
    vi.stubEnv('AWS_CONFIG_FILE', join(tmpdir(), 'tessera-no-such-config'));
    expect((await resolveIdentity(globals())).region).toBe('us-east-1');
  });
});

describe('endpoint', () => {
  it('takes --endpoint-url, TESSERA_ENDPOINT, AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL', () => {
    const env = {
      TESSERA_ENDPOINT: 'http://127.0.0.1:1',
      AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:2',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:3',
    };
    const flag = globals({ endpointUrl: 'http://127.0.0.1:4/' });
    expect(endpointUrl('iam', flag, env).href).toBe('http://127.0.0.1:4/');
    expect(endpointUrl('iam', globals(), env).href).toBe('http://127.0.0.1:1/');
    expect(endpointUrl('sts', globals(), { ...env, TESSERA_ENDPOINT: '' }).href).toBe(
      'http://127.0.0.1:2/',
    );
    expect(endpointUrl('iam', globals(), { ...env, TESSERA_ENDPOINT: '' }).href).toBe(
      'http://127.0.0.1:3/',
    );
    expect(endpointUrl('iam', globals(), {}).href).toBe('http://127.0.0.1:4599/');
  });

  it('refuses an endpoint that is not an http(s) URL', () => {
    expect(() => endpointUrl('iam', globals({ endpointUrl: '127.0.0.1:4599' }), {})).toThrow(
      'Bad value for --endpoint-url',
    );
    expect(() => endpointUrl('iam', globals({ endpointUrl: 'ftp://127.0.0.1' }), {})).toThrow(
      'use http:// or https://',
    );
  });
});
