import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAccessKey } from '../../src/domain/access-keys.js';
import { createLoginProfile } from '../../src/domain/login-profiles.js';
import { createVirtualMfaDevice } from '../../src/domain/mfa/devices.js';
import { createUser } from '../../src/domain/users.js';
import { base32Decode } from '../../src/core/otp/index.js';
import { testDeps, type TestDeps } from '../support/deps.js';
import { removeDir, tempDir } from '../support/process.js';

/** Invariant: no seed, secret access key or password is ever written to the database in clear. */
describe('secrets at rest', () => {
  const dir = tempDir('tessera-at-rest-');
  let deps: TestDeps;
  const secrets: string[] = [];

  beforeAll(async () => {
    deps = await testDeps(join(dir, 'tessera.db'));
    const user = await createUser(deps, { userName: 'Alice', path: '/', tags: [] });
    const password = 'Very-Secret-Passw0rd';
    await createLoginProfile(deps, { userName: 'Alice', password, passwordResetRequired: false });
    const { secretAccessKey } = await createAccessKey(deps, user.userId);
    const device = await createVirtualMfaDevice(deps, { name: 'Alice', path: '/', tags: [] });
    const seed = base32Decode(device.base32Seed)!;
    secrets.push(
      password,
      secretAccessKey,
      device.base32Seed,
      seed.toString('hex'),
      seed.toString('base64'),
      seed.toString('latin1'),
    );
    await deps.store.close();
  });

  afterAll(() => removeDir(dir));

  it('the database files (main and WAL) hold none of them, in any common encoding', () => {
    const files = readdirSync(dir).filter((f) => f.startsWith('tessera.db'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(join(dir, file)).toString('latin1');
      for (const secret of secrets)
        expect(bytes.includes(secret), `${file} holds a secret`).toBe(false);
    }
  });
});
