import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { boot } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { checkRootPassword } from '../../src/domain/sign-in.js';
import { BIN, removeDir, tempDir } from '../support/process.js';

function rootPassword(dir: string, input: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, 'root-password', '--data', dir], {
    input,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, TESSERA_ROOT_PASSWORD: '', ...env },
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('tessera root-password', () => {
  const dirs: string[] = [];
  const dir = (): string => {
    const made = tempDir();
    dirs.push(made);
    return made;
  };
  /** A data folder whose account `tessera init` created. */
  const initialized = (): string => {
    const data = dir();
    const init = spawnSync(process.execPath, [BIN, 'init', '--data', data], { encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    return data;
  };

  afterEach(() => {
    for (const made of dirs.splice(0)) removeDir(made);
  });

  it('reads the password from standard input and stores only its scrypt hash', async () => {
    const data = initialized();
    const result = rootPassword(data, 'Piped-Root-Pass-1\n');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('Root password set for account');
    expect(result.stderr + result.stdout).not.toContain('Piped-Root-Pass-1');

    const { deps } = await boot(loadConfig({ data }));
    try {
      const { accountId } = deps.settings;
      expect(await deps.store.account.rootPasswordHash()).toMatch(/^\$scrypt\$/);
      const right = await checkRootPassword(deps, { accountId, password: 'Piped-Root-Pass-1' });
      expect(right.ok).toBe(true);
      const wrong = await checkRootPassword(deps, { accountId, password: 'Piped-Root-Pass-1\n' });
      expect(wrong.ok).toBe(false);
    } finally {
      await deps.store.close();
    }
  });

  it('refuses a data folder with no account, and creates none there', () => {
    const data = dir();
    const result = rootPassword(data, 'Piped-Root-Pass-1\n');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^tessera: there is no database at .*tessera init/);
    expect(readdirSync(data)).toEqual([]);
  });

  it('refuses a password the policy refuses, in one readable line', () => {
    const result = rootPassword(initialized(), '', { TESSERA_ROOT_PASSWORD: 'short' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('tessera: Password should have a minimum length of 8.\n');
  });
});
