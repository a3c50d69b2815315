import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startInProcess, type InProcessTessera } from '../support/in-process.js';
import { signedHeaders } from '../support/query.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A request meant for the Query API that misses it (wrong path or method) is told so in AWS XML,
 * which an SDK can read; anything else that finds no route gets a plain 404.
 */
describe('requests for the API at the wrong address', () => {
  let tessera: InProcessTessera;

  beforeAll(async () => {
    tessera = await startInProcess();
  });

  afterAll(async () => {
    await tessera?.close();
  });

  async function signed(method: string, path: string, body?: string): Promise<Response> {
    const headers = await signedHeaders(tessera.url, tessera.root, { method, path, body });
    return fetch(new URL(path, tessera.url), { method, headers, body });
  }

  async function expectAwsError(response: Response, status: number): Promise<void> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    const text = await response.text();
    expect(text).toMatch(
      /^<ErrorResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/">/,
    );
    expect(text).toContain('<Code>InvalidAction</Code>');
    const requestId = /<RequestId>([^<]+)<\/RequestId>/.exec(text)?.[1];
    expect(requestId).toMatch(UUID);
    expect(response.headers.get('x-amzn-requestid')).toBe(requestId);
  }

  it('a signed POST to another path: 404 InvalidAction in AWS XML', async () => {
    await expectAwsError(await signed('POST', '/foo', 'Action=ListUsers&Version=2010-05-08'), 404);
  });

  it('an unsigned call naming an Action at another path: 404 in AWS XML', async () => {
    const response = await fetch(`${tessera.url}/foo`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=ListUsers&Version=2010-05-08',
    });
    await expectAwsError(response, 404);
    await expectAwsError(await fetch(`${tessera.url}/foo?Action=ListUsers`), 404);
  });

  it('a signed OPTIONS or PUT to /: 405 with Allow', async () => {
    for (const method of ['OPTIONS', 'PUT', 'DELETE']) {
      const response = await signed(method, '/');
      expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
      await expectAwsError(response, 405);
    }
  });

  it('other paths keep a plain 404', async () => {
    const response = await fetch(`${tessera.url}/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect((await fetch(`${tessera.url}/`, { method: 'OPTIONS' })).status).toBe(404);
  });
});
