import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { base32Decode, timeStep, totpAt } from '../../src/core/otp/index.js';
import { buildServer } from '../../src/server.js';
import { testDeps, type TestDeps } from '../support/deps.js';
import { startInProcess, type InProcessTessera } from '../support/in-process.js';
import { field, query } from '../support/query.js';

/** One sample from the Prometheus text format, by metric name and exact label set. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('/metrics', () => {
  let tessera: InProcessTessera;

  beforeAll(async () => {
    tessera = await startInProcess();
  });

  afterAll(async () => {
    await tessera?.close();
  });

  async function scrape(): Promise<string> {
    const response = await fetch(`${tessera.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    return response.text();
  }

  const created = '{service="iam",action="CreateUser",outcome="success"}';
  const exists = '{service="iam",action="CreateUser",outcome="EntityAlreadyExists"}';

  it('counts requests by action and outcome, with their latency', async () => {
    const before = await scrape();
    await query(tessera.url, tessera.root, 'CreateUser', { UserName: 'mia' });
    await query(tessera.url, tessera.root, 'CreateUser', { UserName: 'mia' });
    const after = await scrape();

    expect(sample(after, 'tessera_requests_total', created)).toBe(
      (sample(before, 'tessera_requests_total', created) ?? 0) + 1,
    );
    expect(sample(after, 'tessera_requests_total', exists)).toBe(1);
    const count = 'tessera_request_duration_seconds_count{service="iam",action="CreateUser"}';
    expect(sample(after, count)).toBe(2);
    const inf = '{service="iam",action="CreateUser",le="+Inf"}';
    expect(sample(after, 'tessera_request_duration_seconds_bucket', inf)).toBe(2);
  });

  it('invariant: names a client invents never become label values', async () => {
    await query(tessera.url, tessera.root, 'Evil"Action\nx', {});
    const text = await scrape();

    expect(text).not.toContain('Evil');
    const unknown = '{service="iam",action="unknown",outcome="InvalidAction"}';
    expect(sample(text, 'tessera_requests_total', unknown)).toBe(1);
  });

  it('counts MFA verifications by result: ok, wrong, replayed, locked', async () => {
    const mfa = (text: string, result: string): number | undefined =>
      sample(text, 'tessera_mfa_verifications_total', `{result="${result}"}`);
    expect(mfa(await scrape(), 'ok')).toBe(0);

    await query(tessera.url, tessera.root, 'CreateUser', { UserName: 'noah' });
    const device = await query(tessera.url, tessera.root, 'CreateVirtualMFADevice', {
      VirtualMFADeviceName: 'noah',
    });
    const serial = field(device.text, 'SerialNumber')!;
    const seed = base32Decode(
      Buffer.from(field(device.text, 'Base32StringSeed')!, 'base64').toString(),
    )!;
    const step = timeStep(tessera.deps.clock());
    const enable = (code1: string, code2: string): Promise<unknown> =>
      query(tessera.url, tessera.root, 'EnableMFADevice', {
        UserName: 'noah',
        SerialNumber: serial,
        AuthenticationCode1: code1,
        AuthenticationCode2: code2,
      });

    await enable('000000', '000000');
    await enable(totpAt(seed, step), totpAt(seed, step + 1));
    const key = await query(tessera.url, tessera.root, 'CreateAccessKey', { UserName: 'noah' });
    const noah = {
      accessKeyId: field(key.text, 'AccessKeyId')!,
      secretAccessKey: field(key.text, 'SecretAccessKey')!,
    };
    const session = (code: string): Promise<unknown> =>
      query(
        tessera.url,
        noah,
        'GetSessionToken',
        { SerialNumber: serial, TokenCode: code },
        {
          service: 'sts',
        },
      );
    tessera.deps.clock.advance(60_000);
    const code = totpAt(seed, timeStep(tessera.deps.clock()));
    await session(code);
    await session(code);
    for (let i = 0; i < 6; i++) await session('000000');

    // The success left a fresh budget: a replay and four wrong codes spend it, two meet a lock.
    const text = await scrape();
    expect(mfa(text, 'ok')).toBe(2);
    expect(mfa(text, 'replayed')).toBe(1);
    expect(mfa(text, 'wrong')).toBe(5);
    expect(mfa(text, 'locked')).toBe(2);
  });

  it('shows active console sessions and the process health', async () => {
    const text = await scrape();

    expect(sample(text, 'tessera_console_sessions_active')).toBe(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    expect(sample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'process_uptime_seconds')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_eventloop_lag_max_seconds')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('# TYPE tessera_request_duration_seconds histogram');
  });

  it('counts requests refused before the Query API read them', async () => {
    const big = 'Action=ListUsers&Pad=' + 'x'.repeat(1024 * 1024 + 1);
    const response = await fetch(tessera.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: big,
    });
    expect(response.status).toBe(413);

    const text = await scrape();
    expect(sample(text, 'tessera_http_rejections_total', '{status="413"}')).toBe(1);
  });
});

describe('who may read /metrics', () => {
  let deps: TestDeps;

  beforeAll(async () => {
    deps = await testDeps();
  });

  afterAll(async () => {
    await deps.store.close();
  });

  async function status(
    token: string | undefined,
    remoteAddress: string,
    authorization?: string,
  ): Promise<number> {
    const app = buildServer(deps, { logger: pino({ level: 'silent' }), metricsToken: token });
    const headers = authorization === undefined ? {} : { authorization };
    const response = await app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });
    await app.close();
    return response.statusCode;
  }

  it('loopback clients, over IPv4 and IPv6, without a token', async () => {
    expect(await status(undefined, '127.0.0.1')).toBe(200);
    expect(await status(undefined, '::1')).toBe(200);
    expect(await status(undefined, '::ffff:127.0.0.1')).toBe(200);
  });

  it('invariant: is closed to other addresses when no token is configured', async () => {
    expect(await status(undefined, '10.0.0.8')).toBe(403);
    expect(await status(undefined, '10.0.0.8', 'Bearer anything')).toBe(403);
    expect(await status('', '192.168.1.2', 'Bearer ')).toBe(403);
  });

  it('other addresses with the configured bearer token, and only with it', async () => {
    const token = 's3cret-metrics-token';
    expect(await status(token, '10.0.0.8', `Bearer ${token}`)).toBe(200);
    expect(await status(token, '10.0.0.8', `bearer ${token}`)).toBe(200);
    expect(await status(token, '10.0.0.8')).toBe(401);
    expect(await status(token, '10.0.0.8', `Bearer ${token}x`)).toBe(401);
    expect(await status(token, '10.0.0.8', `Basic ${token}`)).toBe(401);
    expect(await status(token, '2001:db8::1', 'Bearer s3cret')).toBe(401);
  });
});
