import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startInProcess, type InProcessTessera } from '../support/in-process.js';
import { exchange, parseResponse, type ParsedResponse } from '../support/raw-socket.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const IAM_ERROR = /^<ErrorResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/">/;
const HOST = 'Host: 127.0.0.1\r\n';
const FORM = 'Content-Type: application/x-www-form-urlencoded\r\n';

function code(body: string): string | undefined {
  return /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
}

/** An answer is AWS error XML whose header and body name the same, fresh request id. */
function expectAwsError(response: ParsedResponse, status: number, errorCode: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^text\/xml/);
  expect(response.body).toMatch(IAM_ERROR);
  expect(code(response.body)).toBe(errorCode);
  expect(response.body).not.toMatch(/[{}]|\bat \S+:\d+/);

  const requestId = /<RequestId>([^<]+)<\/RequestId>/.exec(response.body)?.[1];
  expect(requestId).toMatch(UUID);
  expect(response.headers['x-amzn-requestid']).toBe(requestId);
}

describe('errors answered by the HTTP layer', () => {
  let tessera: InProcessTessera;
  let port: number;

  beforeAll(async () => {
    tessera = await startInProcess(':memory:', {
      server: { timeouts: { headersMs: 300, requestMs: 800, checkEveryMs: 100 } },
    });
    port = Number(new URL(tessera.url).port);
  });

  afterAll(async () => {
    await tessera?.close();
  });

  async function answer(request: string, waitMs?: number): Promise<ParsedResponse> {
    const { received } = await exchange(port, request, waitMs);
    return parseResponse(received);
  }

  it.each([
    ['a malformed request line', 'GARBAGE\r\n\r\n'],
    [
      'a Content-Length that is not a number',
      `POST / HTTP/1.1\r\n${HOST}Content-Length: abc\r\n\r\n`,
    ],
    [
      'a bad chunk size',
      `POST / HTTP/1.1\r\n${HOST}${FORM}Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n`,
    ],
    [
      'both Content-Length and Transfer-Encoding',
      `POST / HTTP/1.1\r\n${HOST}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    ],
  ])('%s: MalformedHTTPRequest 400 in AWS XML', async (_name, request) => {
    expectAwsError(await answer(request), 400, 'MalformedHTTPRequest');
  });

  it('a 200 KB URL or a 100 KB header: RequestHeaderSectionTooLarge 431', async () => {
    const url = `GET /?Action=ListUsers&Pad=${'a'.repeat(200_000)} HTTP/1.1\r\n${HOST}\r\n`;
    expectAwsError(await answer(url), 431, 'RequestHeaderSectionTooLarge');

    const header = `GET / HTTP/1.1\r\n${HOST}X-Big: ${'a'.repeat(100_000)}\r\n\r\n`;
    expectAwsError(await answer(header), 431, 'RequestHeaderSectionTooLarge');
  });

  it('a client that stalls: RequestTimeout 408', async () => {
    const stalled = await exchange(port, `POST / HTTP/1.1\r\n${HOST}`, 3_000);

    expect(stalled.closed).toBe(true);
    expectAwsError(parseResponse(stalled.received), 408, 'RequestTimeout');
  });

  it('a path that is not valid percent-encoding: 400 in AWS XML, not JSON', async () => {
    const response = await answer(`GET /%zz HTTP/1.1\r\n${HOST}Connection: close\r\n\r\n`);
    expectAwsError(response, 400, 'MalformedHTTPRequest');
  });

  it('a Content-Type Fastify cannot read: 415 with a UUID request id in both places', async () => {
    const request =
      `POST / HTTP/1.1\r\n${HOST}Content-Type: ;;;\r\nContent-Length: 3\r\n` +
      'Connection: close\r\n\r\nabc';
    expectAwsError(await answer(request), 415, 'InvalidRequest');
  });

  it('invariant: every request gets its own request id, refused ones too', async () => {
    const request = `GET /%zz HTTP/1.1\r\n${HOST}Connection: close\r\n\r\n`;
    const ids = new Set<string | undefined>();
    for (let n = 0; n < 3; n++) ids.add((await answer(request)).headers['x-amzn-requestid']);
    expect(ids.size).toBe(3);
  });
});

describe('bodies over the limit', () => {
  let tessera: InProcessTessera;
  let port: number;

  beforeAll(async () => {
    tessera = await startInProcess();
    port = Number(new URL(tessera.url).port);
  });

  afterAll(async () => {
    await tessera?.close();
  });

  function post(length: number, body: Buffer): Buffer {
    const head = `POST / HTTP/1.1\r\n${HOST}${FORM}Content-Length: ${length}\r\n\r\n`;
    return Buffer.concat([Buffer.from(head), body]);
  }

  it('a body sent without Expect: the client reads the 413, not a reset', async () => {
    // Over loopback the kernel's socket buffers swallow a few megabytes, so the size that breaks
    // a remote client's pipe at 2 MB has to be larger here to show the same thing.
    const body = Buffer.alloc(12 * 1024 * 1024, 'a');
    const result = await exchange(port, post(body.length, body), 10_000);

    expect(result.error).toBeUndefined();
    expect(result.closed).toBe(true);
    expectAwsError(parseResponse(result.received), 413, 'RequestEntityTooLarge');
    expect(parseResponse(result.received).headers.connection).toBe('close');
  });

  it('a body declared far over the limit is answered at once, without waiting for it', async () => {
    const started = Date.now();
    const result = await exchange(port, post(200 * 1024 * 1024, Buffer.alloc(0)), 5_000);

    expect(result.closed).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
    expectAwsError(parseResponse(result.received), 413, 'RequestEntityTooLarge');
  });

  it('a body that never arrives is cut off by the request timeout, not waited for', async () => {
    const slow = await startInProcess(':memory:', {
      server: { timeouts: { headersMs: 300, requestMs: 800, checkEveryMs: 100 } },
    });
    try {
      const slowPort = Number(new URL(slow.url).port);
      const result = await exchange(slowPort, post(2 * 1024 * 1024, Buffer.alloc(1000)), 5_000);

      expect(result.closed).toBe(true);
      expectAwsError(parseResponse(result.received), 408, 'RequestTimeout');
    } finally {
      await slow.close();
    }
  });

  it('the server still answers after all of that', async () => {
    expect((await fetch(`${tessera.url}/health`)).status).toBe(200);
  });
});
