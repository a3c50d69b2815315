import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTessera, type RunningTessera } from '../support/process.js';

/** boto3 (pre-installed with the AWS CLI's Python) drives enable, STS with MFA and errors. */
describe('virtual MFA through boto3', () => {
  let tessera: RunningTessera;

  beforeAll(async () => {
    tessera = await startTessera();
  });

  afterAll(async () => {
    await tessera?.stop();
  });

  it('enables a device, gets MFA session credentials once per code, and maps errors', () => {
    const { accessKeyId, secretAccessKey, accountId } = tessera.credentials;
    const script = join(import.meta.dirname, 'boto3/lifecycle.py');
    const run = spawnSync('python3', [script, tessera.url, accessKeyId, secretAccessKey], {
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      },
    });
    expect(run.status, run.stderr).toBe(0);

    const seen = JSON.parse(run.stdout);
    expect(seen).toEqual({
      seedLength: 64,
      serial: `arn:aws:iam::${accountId}:mfa/Dora`,
      devices: [`arn:aws:iam::${accountId}:mfa/Dora`],
      sessionKeyPrefix: 'ASIA',
      wrongCode: 'AccessDenied',
      replayed: 'AccessDenied',
      rootArn: `arn:aws:iam::${accountId}:root`,
      deleteUserConflict: 'DeleteConflict',
    });
  });
});
