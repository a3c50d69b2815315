import { existsSync } from 'node:fs';
import { join } from 'node:path';

import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  ListUsersCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { postgresCluster, sdk, type Cluster, type SdkCredentials } from '../support/cluster.js';
import type { RootCredentials, RunningTessera } from '../support/process.js';
import { codeAt, freshPair, wrongCode } from '../support/qr.js';

const PASSWORD = 'Correct-Horse-9';

interface MfaUser {
  name: string;
  credentials: SdkCredentials;
  serial: string;
  seed: string;
}

/**
 * Two Tessera processes on one PostgreSQL database, as behind a load balancer: they share the
 * account, the one-time codes, the attempt budgets, STS sessions and console sessions.
 */
describe('two instances on one PostgreSQL database', () => {
  let cluster: Cluster;
  let a: RunningTessera;
  let b: RunningTessera;
  let root: RootCredentials;
  let iam: IAMClient;

  beforeAll(async () => {
    cluster = await postgresCluster();
    // Started together: they race for the migration lock and for creating the account.
    [a, b] = await Promise.all([cluster.start(), cluster.start()]);
    if (!a.credentials.accessKeyId) [a, b] = [b, a];
    root = a.credentials;
    iam = sdk(a, root).iam;
  });

  afterAll(async () => {
    await cluster?.close();
  });

  /** A user with an access key and an enabled device, made through instance A. */
  async function mfaUser(name: string): Promise<MfaUser> {
    await iam.send(new CreateUserCommand({ UserName: name }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    const created = await iam.send(
      new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: `${name}-phone` }),
    );
    const serial = created.VirtualMFADevice!.SerialNumber!;
    const seed = Buffer.from(created.VirtualMFADevice!.Base32StringSeed!).toString();

    const [code1, code2] = await freshPair(seed);
    const enable = { UserName: name, SerialNumber: serial };
    await iam.send(
      new EnableMFADeviceCommand({
        ...enable,
        AuthenticationCode1: code1,
        AuthenticationCode2: code2,
      }),
    );
    const credentials = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    return { name, credentials, serial, seed };
  }

  /** The same request sent `each` times to each instance at once; the answers, in any order. */
  async function fireAtBoth(user: MfaUser, code: string, each: number) {
    const clients = [sdk(a, user.credentials).sts, sdk(b, user.credentials).sts];
    const request = { SerialNumber: user.serial, TokenCode: code };
    const sends = Array.from({ length: each * 2 }, (_, i) =>
      clients[i % 2]!.send(new GetSessionTokenCommand(request)),
    );
    const settled = await Promise.allSettled(sends);
    return {
      passed: settled.filter((s) => s.status === 'fulfilled'),
      refused: settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as Error] : [])),
    };
  }

  it('the second instance joins the account, though its data folder was empty', async () => {
    const health = await Promise.all(
      [a, b].map(async (t) => (await fetch(`${t.url}/health`)).json()),
    );
    expect(health[0].accountId).toBe(root.accountId);
    expect(health[1].accountId).toBe(root.accountId);
    expect(existsSync(join(b.dataDir, 'root-credentials.json'))).toBe(false);

    await iam.send(new CreateUserCommand({ UserName: 'seen-by-both' }));
    const listed = await sdk(b, root).iam.send(new ListUsersCommand({}));
    expect(listed.Users!.map((u) => u.UserName)).toContain('seen-by-both');
  });

  it('invariant: one code sent many times to both instances lets one through', async () => {
    for (let round = 0; round < 4; round++) {
      // A device of its own per round: the replays of a round spend that device's budget.
      const user = await mfaUser(`round${round}`);
      const { passed, refused } = await fireAtBoth(user, codeAt(user.seed, 1), 15);

      expect(passed).toHaveLength(1);
      expect(refused).toHaveLength(29);
      for (const error of refused) expect(error.name).toBe('AccessDenied');
    }
  });

  it('invariant: wrong codes spread over both cannot exceed the attempt limit', async () => {
    const user = await mfaUser('guesser');
    const { passed, refused } = await fireAtBoth(user, wrongCode(user.seed), 20);

    expect(passed).toHaveLength(0);
    const checked = refused.filter((e) => e.message.includes('invalid MFA one time pass code'));
    const locked = refused.filter((e) => e.message.includes('too many invalid codes'));
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(checked.length + locked.length).toBe(40);

    // The device is locked for both instances: even the right code is refused, on each.
    for (const instance of [a, b]) {
      const sts = sdk(instance, user.credentials).sts;
      const request = { SerialNumber: user.serial, TokenCode: codeAt(user.seed, 1) };
      await expect(sts.send(new GetSessionTokenCommand(request))).rejects.toThrow(/too many/);
    }
    const store = await cluster.inspect();
    expect(await store.mfaDevices.find(user.serial)).toMatchObject({ lockouts: 1 });
  });

  it('STS credentials issued by one instance work on the other', async () => {
    const user = await mfaUser('traveller');
    const request = { SerialNumber: user.serial, TokenCode: codeAt(user.seed, 1) };
    const issued = (await sdk(a, user.credentials).sts.send(new GetSessionTokenCommand(request)))
      .Credentials!;

    const session = {
      accessKeyId: issued.AccessKeyId!,
      secretAccessKey: issued.SecretAccessKey!,
      sessionToken: issued.SessionToken!,
    };
    const identity = await sdk(b, session).sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe(`arn:aws:iam::${root.accountId}:user/traveller`);
  });

  it('a console session started on one instance is valid on the other', async () => {
    const user = await mfaUser('browser');
    await iam.send(new CreateLoginProfileCommand({ UserName: 'browser', Password: PASSWORD }));

    // The password on A, the MFA code on B, the signed-in pages on both.
    const console = new ConsoleClient();
    await console.get(a, '/console/signin');
    const signin = { account: root.accountId, username: 'browser', password: PASSWORD };
    expect((await console.post(a, '/console/signin', signin)).headers.get('location')).toBe(
      '/console/mfa',
    );

    await console.get(b, '/console/mfa');
    const prompt = await console.post(b, '/console/mfa', { code: codeAt(user.seed, 1) });
    expect(prompt.headers.get('location')).toBe('/console/home');

    for (const instance of [a, b]) {
      const home = await console.get(instance, '/console/home');
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('browser');
    }
  });

  it('an instance started with another master key refuses to start, saying why', async () => {
    const other = Buffer.alloc(32, 1).toString('base64');
    await expect(cluster.start({ masterKey: other })).rejects.toThrow(
      /master key does not match the one this database was created with/,
    );
  });
});

/** Just enough of a browser for the console: a cookie jar and the last page's CSRF token. */
class ConsoleClient {
  readonly cookies = new Map<string, string>();
  csrf = '';

  async get(instance: RunningTessera, path: string): Promise<Response> {
    const response = await fetch(`${instance.url}${path}`, {
      headers: this.headers(),
      redirect: 'manual',
    });
    return this.keep(response);
  }

  async post(
    instance: RunningTessera,
    path: string,
    fields: Record<string, string>,
  ): Promise<Response> {
    const response = await fetch(`${instance.url}${path}`, {
      method: 'POST',
      headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: this.csrf, ...fields }).toString(),
      redirect: 'manual',
    });
    return this.keep(response);
  }

  private headers(): Record<string, string> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return cookie ? { cookie } : {};
  }

  private async keep(response: Response): Promise<Response> {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      if (value === '' || /Max-Age=0\b/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }

    const body = await response.clone().text();
    const token = /name="csrf" value="([0-9a-f]{64})"/.exec(body);
    if (token) this.csrf = token[1]!;
    return response;
  }
}
