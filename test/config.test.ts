import { afterEach, describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from '../src/config.js';

describe('database settings', () => {
  afterEach(() => {
    delete process.env.TESSERA_DB_POOL_SIZE;
    delete process.env.TESSERA_DB_STATEMENT_TIMEOUT_MS;
  });

  it('pool size and statement timeout come from flags, else the environment', () => {
    process.env.TESSERA_DB_POOL_SIZE = '4';
    process.env.TESSERA_DB_STATEMENT_TIMEOUT_MS = '900';
    expect(loadConfig({ 'db-pool-size': '25' })).toMatchObject({
      dbPoolSize: 25,
      dbStatementTimeoutMs: 900,
    });
  });

  it('are left to the backend when not given', () => {
    const config = loadConfig({});
    expect(config.dbPoolSize).toBeUndefined();
    expect(config.dbStatementTimeoutMs).toBeUndefined();
  });

  it('must be whole numbers above zero', () => {
    for (const value of ['0', '-1', '2.5', 'ten']) {
      expect(() => loadConfig({ 'db-pool-size': value })).toThrow(ConfigError);
      expect(() => loadConfig({ 'db-statement-timeout-ms': value })).toThrow(ConfigError);
    }
  });
});
