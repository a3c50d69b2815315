import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { boot } from '../src/bootstrap.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { removeDir, tempDir } from './support/process.js';

describe('boot', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) removeDir(dir);
  });

  it('says a key file is missing, rather than making a new key that cannot open the data', async () => {
    const data = tempDir();
    dirs.push(data);
    const first = await boot(loadConfig({ data }));
    await first.deps.store.close();

    const wrongPath = join(data, 'no-such-key');
    const again = boot(loadConfig({ data, 'master-key-file': wrongPath }));
    await expect(again).rejects.toThrow(ConfigError);
    await expect(again).rejects.toThrow(/there is no master key file at .*no-such-key/);
    expect(existsSync(wrongPath)).toBe(false);

    const withRightKey = await boot(loadConfig({ data }));
    await withRightKey.deps.store.close();
  });

  it('names a key file whose folder does not exist, instead of a raw ENOENT', async () => {
    const data = tempDir();
    dirs.push(data);
    const keyFile = join(data, 'no-such-folder', 'master.key');
    await expect(boot(loadConfig({ data, 'master-key-file': keyFile }))).rejects.toThrow(
      /there is no master key file at .*no-such-folder.*nor a folder to create it in/,
    );
  });
});
