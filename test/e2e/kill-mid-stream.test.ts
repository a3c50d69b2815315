import {
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  ListVirtualMFADevicesCommand,
  TagMFADeviceCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '../../src/storage/schema.js';
import { postgresCluster, sdk, type Cluster } from '../support/cluster.js';
import type { RunningTessera } from '../support/process.js';
import { freshPair } from '../support/qr.js';

const WORKERS = 6;

/**
 * An instance killed with SIGKILL while it creates, enables, tags, deactivates and deletes
 * devices leaves no device half done: each statement or transaction happened entirely or not at
 * all, and the surviving instance finds a database it can keep serving.
 */
describe('an instance killed in the middle of device changes', () => {
  let cluster: Cluster;
  let victim: RunningTessera;
  let survivor: RunningTessera;
  let db: Kysely<Database>;

  beforeAll(async () => {
    cluster = await postgresCluster();
    victim = await cluster.start();
    survivor = await cluster.start();
    db = (await cluster.inspect()).db;
  });

  afterAll(async () => {
    await cluster?.close();
  });

  /** One user's endless cycle of device changes, counted by call; ends at the first failure. */
  async function churn(iam: IAMClient, worker: number, calls: { done: number }): Promise<void> {
    const user = `worker${worker}`;
    const call = async <T>(send: Promise<T>): Promise<T> => {
      const answer = await send;
      calls.done++;
      return answer;
    };

    try {
      for (let n = 0; ; n++) {
        const tags = [{ Key: 'worker', Value: String(worker) }];
        const created = await call(
          iam.send(
            new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: `${user}-${n}`, Tags: tags }),
          ),
        );
        const serial = created.VirtualMFADevice!.SerialNumber!;
        const seed = Buffer.from(created.VirtualMFADevice!.Base32StringSeed!).toString();
        const [code1, code2] = await freshPair(seed);

        const device = { UserName: user, SerialNumber: serial };
        const codes = { AuthenticationCode1: code1, AuthenticationCode2: code2 };
        await call(iam.send(new EnableMFADeviceCommand({ ...device, ...codes })));
        const tag = { SerialNumber: serial, Tags: [{ Key: 'n', Value: `${n}` }] };
        await call(iam.send(new TagMFADeviceCommand(tag)));
        await call(iam.send(new DeactivateMFADeviceCommand(device)));
        await call(iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial })));
      }
    } catch {
      // The instance is gone: this stream ends here.
    }
  }

  it('leaves every device fully assigned, fully unassigned or gone', async () => {
    const iam = sdk(victim, victim.credentials).iam;
    for (let worker = 0; worker < WORKERS; worker++) {
      await iam.send(new CreateUserCommand({ UserName: `worker${worker}` }));
    }

    const calls = { done: 0 };
    let ended = false;
    const streams = Array.from({ length: WORKERS }, (_, worker) => churn(iam, worker, calls));
    const all = Promise.all(streams).then(() => (ended = true));
    while (!ended && calls.done < 8 * WORKERS) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, Math.random() * 200));

    expect(ended, 'the streams were still running when the kill came').toBe(false);
    await victim.stop('SIGKILL');
    await all;

    const devices = await db.selectFrom('mfa_devices').selectAll().execute();
    for (const device of devices) {
      const assigned = device.user_id !== null;
      expect(device.enabled_at !== null, device.serial_number).toBe(assigned);
      if (assigned) expect(device.last_step, device.serial_number).not.toBeNull();
      expect(device.failed_attempts, device.serial_number).toBe(0);
    }

    const orphans = await db
      .selectFrom('mfa_device_tags')
      .select('owner')
      .where('owner', 'not in', db.selectFrom('mfa_devices').select('serial_number'))
      .execute();
    expect(orphans).toEqual([]);
  });

  it('the surviving instance serves every device left behind and can finish the work', async () => {
    const iam = sdk(survivor, victim.credentials).iam;
    const listed = await iam.send(new ListVirtualMFADevicesCommand({ MaxItems: 1000 }));
    const rows = await db.selectFrom('mfa_devices').select('serial_number').execute();
    expect(listed.VirtualMFADevices!.map((d) => d.SerialNumber).sort()).toEqual(
      rows.map((r) => r.serial_number).sort(),
    );

    for (const device of listed.VirtualMFADevices!) {
      const serial = device.SerialNumber!;
      if (device.User) {
        await iam.send(
          new DeactivateMFADeviceCommand({ UserName: device.User.UserName!, SerialNumber: serial }),
        );
      }
      await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }));
    }
    expect(await db.selectFrom('mfa_device_tags').select('owner').execute()).toEqual([]);
  });
});
