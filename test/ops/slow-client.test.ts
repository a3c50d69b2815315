import { connect, type Socket } from 'node:net';

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildServer, TIMEOUTS } from '../../src/server.js';
import { testDeps } from '../support/deps.js';
import { startInProcess, type InProcessTessera } from '../support/in-process.js';

interface Cut {
  /** What the server wrote before it closed the connection. */
  received: string;
  ms: number;
}

/**
 * Opens a raw connection, writes `head`, then one more byte every `everyMs` (at most `limit`
 * times): a client that never finishes its request. Resolves when the server hangs up.
 */
function trickle(port: number, head: string, everyMs: number, limit: number): Promise<Cut> {
  return new Promise((done, fail) => {
    const started = Date.now();
    const socket: Socket = connect(port, '127.0.0.1');
    let received = '';
    let sent = 0;
    const timer = setInterval(() => {
      if (sent++ >= limit || socket.destroyed) return clearInterval(timer);
      socket.write('x');
    }, everyMs);

    socket.on('connect', () => socket.write(head));
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      const ms = Date.now() - started;
      if (sent >= limit) fail(new Error(`not cut off after ${ms} ms`));
      else done({ received, ms });
    });
  });
}

describe('slow clients and large bodies', () => {
  let tessera: InProcessTessera;
  let port: number;

  beforeAll(async () => {
    tessera = await startInProcess(':memory:', {
      server: { timeouts: { headersMs: 500, requestMs: 1500, checkEveryMs: 100 } },
    });
    port = Number(new URL(tessera.url).port);
  });

  afterAll(async () => {
    await tessera?.close();
  });

  it('invariant: a client trickling its headers is cut off', async () => {
    const cut = await trickle(port, 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', 100, 100);

    expect(cut.ms).toBeLessThan(3000);
    expect(cut.received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('invariant: a client trickling its body is cut off', async () => {
    const head =
      'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
      'Content-Length: 10000\r\n\r\nAction=ListUsers&X=';
    const cut = await trickle(port, head, 100, 100);

    expect(cut.ms).toBeLessThan(4000);
    expect(cut.received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('answers a body over 1 MiB with an AWS XML 413, without reading it', async () => {
    const response = await fetch(tessera.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=ListUsers&Pad=' + 'x'.repeat(1024 * 1024),
    });

    expect(response.status).toBe(413);
    const text = await response.text();
    expect(text).toMatch(
      /^<ErrorResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/">/,
    );
    expect(text).toContain('<Code>RequestEntityTooLarge</Code>');
  });

  it('answers a chunked body that grows past 1 MiB with the same 413', async () => {
    let chunks = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (chunks++ >= 20) controller.close();
        else controller.enqueue(new TextEncoder().encode('x'.repeat(100_000)));
      },
    });
    const response = await fetch(tessera.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      duplex: 'half',
    } as RequestInit);

    expect(response.status).toBe(413);
    expect(await response.text()).toContain('<Code>RequestEntityTooLarge</Code>');
  });

  it('still serves everyone else', async () => {
    expect((await fetch(`${tessera.url}/health`)).status).toBe(200);
  });
});

describe('the default limits', () => {
  it('are the ones a production server starts with', async () => {
    const deps = await testDeps();
    const app = buildServer(deps, { logger: pino({ level: 'silent' }) });

    expect(app.server.headersTimeout).toBe(TIMEOUTS.headersMs);
    expect(app.server.requestTimeout).toBe(TIMEOUTS.requestMs);
    expect(TIMEOUTS).toEqual({ headersMs: 10_000, requestMs: 30_000, checkEveryMs: 1_000 });
    await app.close();
    await deps.store.close();
  });
});
