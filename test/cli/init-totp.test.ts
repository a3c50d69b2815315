import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { BIN, removeDir, tempDir } from '../support/process.js';

function tessera(...args: string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('tessera init', () => {
  it('creates the account with the given id, prints the credentials and writes them 0600', () => {
    const dir = tempDir();
    try {
      const result = tessera('init', '--data', dir, '--account-id', '111122223333');
      expect(result.status, result.stderr).toBe(0);
      const printed = JSON.parse(result.stdout);
      expect(printed).toMatchObject({ accountId: '111122223333' });
      expect(printed.accessKeyId).toMatch(/^AKIA/);
      expect(printed.secretAccessKey).toHaveLength(40);
      expect(statSync(join(dir, 'root-credentials.json')).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'master.key')).mode & 0o777).toBe(0o600);

      const again = tessera('init', '--data', dir);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('already exists');
      expect(again.stdout).toBe('');
    } finally {
      removeDir(dir);
    }
  });

  it('refuses a malformed account id with a readable message', () => {
    const result = tessera('init', '--data', tempDir(), '--account-id', '12345');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('tessera: --account-id must be 12 digits\n');
  });
});

describe('tessera totp', () => {
  it('prints the RFC 6238 code for a seed at a time (T=59: 287082)', () => {
    const result = tessera('totp', '--seed', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', '--time', '59');
    expect(result).toMatchObject({ status: 0, stdout: '287082\n' });
  });

  it('explains bad input instead of failing with a trace', () => {
    const result = tessera('totp', '--seed', 'not base32!');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--seed must be base32 text');
    expect(result.stderr).not.toContain('    at ');
  });

  it('an unknown command says so', () => {
    const result = tessera('frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
  });
});

describe('help and typos', () => {
  it('--help prints the command usage and runs nothing (no account is created)', () => {
    const dir = tempDir();
    for (const command of ['init', 'serve', 'export', 'migrate', 'root-password', 'audit']) {
      const result = tessera(command, '--data', dir, '--help');
      expect(result.status, command).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: tessera ${command} `));
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an unknown option is refused before the command runs', () => {
    const dir = tempDir();
    const result = tessera('init', '--data', dir, '--acount-id', '111122223333');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'tessera: unknown option --acount-id for "init"\nRun "tessera --help" for usage.\n',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a log level that does not exist is a readable error', () => {
    const result = tessera('serve', '--data', tempDir(), '--log-level', 'bogus');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--log-level must be one of');
  });
});
