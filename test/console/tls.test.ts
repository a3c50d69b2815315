import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildServer } from '../../src/server.js';
import { testDeps, type TestDeps } from '../support/deps.js';
import { removeDir, tempDir } from '../support/process.js';

/** A throwaway self-signed certificate for 127.0.0.1. */
function selfSigned(dir: string): { cert: Buffer; key: Buffer } {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) };
}

describe('the console over TLS', () => {
  const dir = tempDir('tessera-tls-');
  let deps: TestDeps;
  let app: ReturnType<typeof buildServer>;
  let port: number;

  beforeAll(async () => {
    deps = await testDeps();
    app = buildServer(deps, { logger: pino({ level: 'silent' }), https: selfSigned(dir) });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await app.close();
    await deps.store.close();
    removeDir(dir);
  });

  it('marks its cookies Secure and asks for HTTPS from then on', async () => {
    const headers = await new Promise<Record<string, string | string[] | undefined>>(
      (done, fail) => {
        const req = request(
          { host: '127.0.0.1', port, path: '/console/signin', rejectUnauthorized: false },
          (res) => {
            res.resume();
            done(res.headers);
          },
        );
        req.on('error', fail);
        req.end();
      },
    );

    const cookies = [headers['set-cookie'] ?? []].flat();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(
      /^tessera_presession=[\w-]+; Path=\/; Max-Age=3600; HttpOnly; SameSite=Strict; Secure$/,
    );
    expect(headers['strict-transport-security']).toBe('max-age=31536000');
  });
});
