import { Agent } from 'node:http';
import { join } from 'node:path';

import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { base32Decode, timeStep, totpAt } from '../../src/core/otp/index.js';
import { FuzzRequests, Rng, type FuzzRequest } from '../support/fuzz-requests.js';
import { removeDir, startTessera, type RunningTessera } from '../support/process.js';
import { field, query } from '../support/query.js';
import { sendRaw, type RawAnswer } from '../support/raw-http.js';

/**
 * Malformed, oversized and random Query requests against a real server: it answers each with a
 * 4xx AWS error (or a 200 for a valid call), never a 500; it keeps running in bounded memory; and
 * requests that should change nothing change nothing. Replay a failure with its FUZZ_SEED; run
 * longer with `npm run fuzz -- --count 100000`.
 */
const COUNT = Number(process.env.FUZZ_COUNT ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20260101);
const CONCURRENCY = 4;
/** The share of requests that must leave the data as it was; the rest may change it. */
const HARMLESS_SHARE = 0.8;
const DEADLINE_MS = Math.max(50_000, COUNT * 30);
const MAX_RSS_GROWTH = 400 * 1024 * 1024;

const NAMESPACE = 'https://(iam|sts)\\.amazonaws\\.com/doc/(2010-05-08|2011-06-15)/';
const XML_ANSWER = new RegExp(`^<(\\w+Response|ErrorResponse) xmlns="${NAMESPACE}">`);

const TABLES = [
  'account',
  'users',
  'user_tags',
  'login_profiles',
  'access_keys',
  'mfa_devices',
  'mfa_device_tags',
  'managed_policies',
  'policy_versions',
  'groups',
  'group_members',
  'policy_attachments',
  'inline_policies',
];

/** Every row that matters, read beside the running server (WAL lets a reader in). */
function snapshot(file: string): string {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return TABLES.map((table) => {
      const rows = db
        .prepare(`select * from ${table}`)
        .all()
        .map((row) => JSON.stringify(row));
      return `${table}:\n${rows.sort().join('\n')}`;
    }).join('\n');
  } finally {
    db.close();
  }
}

function acceptable(answer: RawAnswer): boolean {
  if (!XML_ANSWER.test(answer.text)) return false;
  if (answer.status === 200) return !answer.text.startsWith('<ErrorResponse');
  return (
    answer.status >= 400 &&
    answer.status < 500 &&
    answer.text.startsWith('<ErrorResponse') &&
    /<Code>\w+<\/Code>/.test(answer.text)
  );
}

describe(`fuzzing the Query API (seed ${SEED}, ${COUNT} requests)`, () => {
  let server: RunningTessera;
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const known: string[] = ['fixture', 'root', '/', '/fuzz/'];

  beforeAll(async () => {
    server = await startTessera({ args: ['--log-level', 'warn'] });
    await fixture();
  });

  afterAll(async () => {
    agent.destroy();
    await server?.stop();
    removeDir(server?.dataDir ?? '');
  });

  /** Real rows for random calls to find: a user with tags, an enabled device, a key, a policy. */
  async function fixture(): Promise<void> {
    const root = server.credentials;
    const call = (action: string, params: Record<string, string>) =>
      query(server.url, root, action, params);
    const tags = { 'Tags.member.1.Key': 'team', 'Tags.member.1.Value': 'fuzz' };
    await call('CreateUser', { UserName: 'fixture', Path: '/fuzz/', ...tags });
    const device = await call('CreateVirtualMFADevice', { VirtualMFADeviceName: 'fixture' });
    const serial = field(device.text, 'SerialNumber')!;
    const base32 = Buffer.from(field(device.text, 'Base32StringSeed')!, 'base64').toString();
    const step = timeStep(Date.now());
    const seed = base32Decode(base32)!;
    const enabled = await call('EnableMFADevice', {
      UserName: 'fixture',
      SerialNumber: serial,
      AuthenticationCode1: totpAt(seed, step),
      AuthenticationCode2: totpAt(seed, step + 1),
    });
    expect(enabled.status).toBe(200);
    const key = await call('CreateAccessKey', { UserName: 'fixture' });
    const policy = await call('CreatePolicy', {
      PolicyName: 'fixture',
      PolicyDocument: '{"Version":"2012-10-17","Statement":[]}',
    });
    await call('CreateGroup', { GroupName: 'fixture' });
    known.push(serial, field(key.text, 'AccessKeyId')!, field(policy.text, 'Arn') ?? 'none');
  }

  async function rss(): Promise<number> {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    return Number(/^process_resident_memory_bytes (\d+)$/m.exec(text)?.[1]);
  }

  it(
    'answers only with AWS errors or valid results, stays up, bounded, and harmless',
    async () => {
      const generate = new FuzzRequests(new Rng(SEED), {
        host: `127.0.0.1:${server.port}`,
        root: server.credentials,
        known,
      });
      const deadline = Date.now() + DEADLINE_MS;
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      const startRss = await rss();
      let peakRss = startRss;
      let sent = 0;

      const inFlight = new Set<Promise<void>>();
      const send = async (index: number, request: FuzzRequest): Promise<void> => {
        const path = request.query ? `/?${request.query}` : '/';
        const input = {
          method: request.method,
          path,
          headers: request.headers,
          body: request.body,
        };
        try {
          const answer = await sendRaw(agent, server.port, input);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (!acceptable(answer)) {
            failures.push(
              `#${index} ${request.kind}: ${answer.status} ${answer.text.slice(0, 200)}`,
            );
          }
        } catch (error) {
          // A server refusing a huge body may close while the client still writes it: the
          // client then sees the connection cut rather than the 413, as good a refusal.
          const message = (error as Error).message;
          const cut = request.kind === 'huge' && /EPIPE|ECONNRESET/.test(message);
          if (!cut) failures.push(`#${index} ${request.kind}: no answer (${message})`);
        }
      };

      const run = async (count: number, make: () => Promise<FuzzRequest>): Promise<void> => {
        for (let i = 0; i < count && Date.now() < deadline; i++) {
          const index = sent++;
          const task = send(index, await make()).finally(() => inFlight.delete(task));
          inFlight.add(task);
          if (inFlight.size >= CONCURRENCY) await Promise.race(inFlight);
          if (index % 250 === 0) peakRss = Math.max(peakRss, await rss());
        }
        await Promise.all(inFlight);
      };

      const database = join(server.dataDir, 'tessera.db');
      const before = snapshot(database);
      const harmless = Math.round(COUNT * HARMLESS_SHARE);
      await run(harmless, () => generate.harmless());
      const after = snapshot(database);
      await run(COUNT - harmless, () => generate.anything());
      peakRss = Math.max(peakRss, await rss());

      const summary = `seed ${SEED}, statuses ${JSON.stringify(Object.fromEntries(statuses))}`;
      expect(sent, `the deadline cut the run short (${summary})`).toBe(COUNT);
      expect(failures.slice(0, 20), summary).toEqual([]);
      expect(statuses.get(500) ?? 0).toBe(0);
      expect(after, 'requests that should change nothing changed data').toBe(before);
      expect(server.process.exitCode).toBeNull();
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      expect(peakRss - startRss, `RSS grew from ${startRss} to ${peakRss}`).toBeLessThan(
        MAX_RSS_GROWTH,
      );
    },
    DEADLINE_MS + 30_000,
  );
});
