import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
  json: () => any;
}

export interface CliCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * Runs the real AWS CLI against a Tessera endpoint. HOME points at an empty folder so nothing from
 * the machine's ~/.aws leaks in, and retries are off so a test sees each answer once.
 */
export function aws(endpoint: string, credentials: CliCredentials, args: string[]): CliResult {
  const home = mkdtempSync(join(tmpdir(), 'tessera-cli-home-'));
  writeFileSync(join(home, '.keep'), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_MAX_ATTEMPTS: '1',
    AWS_RETRY_MODE: 'standard',
    AWS_PAGER: '',
    PYENV_VERSION: process.env.PYENV_VERSION,
    PYENV_ROOT: process.env.PYENV_ROOT,
  };
  if (credentials.sessionToken) env.AWS_SESSION_TOKEN = credentials.sessionToken;

  const result = spawnSync('aws', [`--endpoint-url=${endpoint}`, '--output', 'json', ...args], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return {
    status: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    json: () => JSON.parse(result.stdout),
  };
}
