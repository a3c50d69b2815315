import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request, type RequestOptions } from 'node:https';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BIN, freePort, removeDir, tempDir } from '../support/process.js';
import { formOf, signedHeaders } from '../support/query.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A throwaway self-signed certificate for 127.0.0.1, made by openssl for this test only. */
function selfSigned(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const subject = ['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'];
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'].concat([
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      ...subject,
    ]),
    { stdio: 'ignore' },
  );
  return { cert, key };
}

/** `tessera serve --tls-cert --tls-key`: the API, /health and the console over HTTPS only. */
describe('tessera serve with TLS', () => {
  const dir = tempDir('tessera-tls-e2e-');
  const dataDir = join(dir, 'data');
  let child: ChildProcess;
  let port: number;
  let ca: Buffer;
  let logs = '';

  function send(options: RequestOptions, body?: string): Promise<Answer> {
    return new Promise((done, fail) => {
      const req = request({ host: '127.0.0.1', port, ca, ...options }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, text }));
      });
      req.on('error', fail);
      req.end(body);
    });
  }

  beforeAll(async () => {
    const files = selfSigned(dir);
    ca = readFileSync(files.cert);
    port = await freePort();
    const args = ['serve', '--port', String(port), '--data', dataDir];
    child = spawn(process.execPath, [
      BIN,
      ...args,
      '--tls-cert',
      files.cert,
      '--tls-key',
      files.key,
    ]);
    child.stdout!.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (logs += chunk.toString()));

    const deadline = Date.now() + 20_000;
    while (!logs.includes('server.listening') && Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`tessera exited:\n${logs}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  afterAll(async () => {
    if (child.exitCode === null) {
      await new Promise((done) => {
        child.once('exit', done);
        child.kill('SIGTERM');
      });
    }
    removeDir(dir);
  });

  it('answers /health over HTTPS, with a certificate the client verifies', async () => {
    const answer = await send({ path: '/health' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ status: 'ok' });
  });

  it('serves signed API calls over HTTPS', async () => {
    const credentials = JSON.parse(readFileSync(join(dataDir, 'root-credentials.json'), 'utf8'));
    const body = formOf({ Action: 'GetCallerIdentity', Version: '2011-06-15' });
    const url = `https://127.0.0.1:${port}/`;
    const headers = await signedHeaders(url, credentials, { service: 'sts', body });

    const answer = await send({ method: 'POST', path: '/', headers }, body);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(`<Arn>arn:aws:iam::${credentials.accountId}:root</Arn>`);
  });

  it('gives console cookies the Secure attribute', async () => {
    const answer = await send({ path: '/console/signin' });
    const cookies = [answer.headers['set-cookie'] ?? []].flat();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).toMatch(/; Secure(;|$)/);
  });

  it('refuses plain HTTP on the TLS port', async () => {
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });

  it('refuses to start with a certificate but no key, and creates nothing first', () => {
    const args = ['serve', '--port', '0', '--data', join(dir, 'other'), '--tls-cert', 'x.pem'];
    expect(() => execFileSync(process.execPath, [BIN, ...args], { stdio: 'pipe' })).toThrow(
      /--tls-cert and --tls-key must be given together/,
    );
    expect(existsSync(join(dir, 'other'))).toBe(false);
  });

  it('names the flag whose file cannot be read', () => {
    const data = join(dir, 'missing-files');
    const args = ['serve', '--data', data, '--tls-cert', 'x.pem', '--tls-key', 'y.pem'];
    expect(() => execFileSync(process.execPath, [BIN, ...args], { stdio: 'pipe' })).toThrow(
      /--tls-cert x\.pem cannot be read \(ENOENT\)/,
    );
    expect(existsSync(data)).toBe(false);
  });
});
