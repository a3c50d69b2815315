import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteUserCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GetUserCommand,
  ListMFADeviceTagsCommand,
  ListMFADevicesCommand,
  ListUsersCommand,
  ListVirtualMFADevicesCommand,
  ResyncMFADeviceCommand,
  TagMFADeviceCommand,
  UntagMFADeviceCommand,
  UpdateAccessKeyCommand,
  paginateListVirtualMFADevices,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startInProcess, type InProcessTessera } from '../support/in-process.js';
import { codeAt, decodeQrPng, secretFromKeyUri } from '../support/qr.js';

/** The virtual MFA lifecycle through the AWS SDK for JavaScript v3, as an application drives it. */
describe('virtual MFA through @aws-sdk/client-iam', () => {
  let tessera: InProcessTessera;
  let iam: IAMClient;
  const now = (): number => tessera.deps.clock();

  beforeAll(async () => {
    tessera = await startInProcess();
    iam = tessera.iam();
  });

  afterAll(async () => {
    await tessera?.close();
  });

  async function newDevice(name: string, path?: string): Promise<{ serial: string; seed: string }> {
    const out = await iam.send(
      new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name, Path: path }),
    );
    const device = out.VirtualMFADevice!;
    const seed = Buffer.from(device.Base32StringSeed!).toString();
    expect(secretFromKeyUri(decodeQrPng(Buffer.from(device.QRCodePNG!)))).toBe(seed);
    return { serial: device.SerialNumber!, seed };
  }

  it('creates a user and a device whose QR code and base32 seed agree', async () => {
    const out = await iam.send(new CreateUserCommand({ UserName: 'Bob', Path: '/division/eng/' }));
    expect(out.User?.Arn).toBe('arn:aws:iam::123456789012:user/division/eng/Bob');

    const { serial, seed } = await newDevice('Bob', '/division/eng/');
    expect(serial).toBe('arn:aws:iam::123456789012:mfa/division/eng/Bob');
    expect(seed).toMatch(/^[A-Z2-7]{64}$/);
  });

  it('the QR label names the device without its path', async () => {
    const out = await iam.send(
      new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'label.test', Path: '/p/' }),
    );
    const uri = decodeQrPng(Buffer.from(out.VirtualMFADevice!.QRCodePNG!));
    expect(uri.startsWith('otpauth://totp/Tessera:label.test@123456789012?')).toBe(true);
  });

  it('enables, resyncs, tags and lists a device with a path in its serial', async () => {
    const serial = 'arn:aws:iam::123456789012:mfa/division/eng/Bob';
    const { seed } = await newDevice('Bob2', '/division/eng/');
    const serial2 = 'arn:aws:iam::123456789012:mfa/division/eng/Bob2';
    expect(serial2).not.toBe(serial);

    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'Bob',
        SerialNumber: serial2,
        AuthenticationCode1: codeAt(seed, -1, now()),
        AuthenticationCode2: codeAt(seed, 0, now()),
      }),
    );
    tessera.deps.clock.advance(60_000);
    await iam.send(
      new ResyncMFADeviceCommand({
        UserName: 'Bob',
        SerialNumber: serial2,
        AuthenticationCode1: codeAt(seed, 0, now()),
        AuthenticationCode2: codeAt(seed, 1, now()),
      }),
    );

    await iam.send(
      new TagMFADeviceCommand({ SerialNumber: serial2, Tags: [{ Key: 'team', Value: 'a b+c' }] }),
    );
    const tags = await iam.send(new ListMFADeviceTagsCommand({ SerialNumber: serial2 }));
    expect(tags.Tags).toEqual([{ Key: 'team', Value: 'a b+c' }]);
    await iam.send(new UntagMFADeviceCommand({ SerialNumber: serial2, TagKeys: ['team'] }));
    expect((await iam.send(new ListMFADeviceTagsCommand({ SerialNumber: serial2 }))).Tags).toEqual(
      [],
    );

    const listed = await iam.send(new ListMFADevicesCommand({ UserName: 'Bob' }));
    expect(listed.MFADevices?.map((d) => d.SerialNumber)).toEqual([serial2]);
    expect(listed.MFADevices?.[0]?.EnableDate).toBeInstanceOf(Date);
  });

  it('ListVirtualMFADevices filters by AssignmentStatus (default Any) and pages with Marker', async () => {
    for (let i = 0; i < 5; i++) await newDevice(`spare-${i}`);

    const any = await iam.send(new ListVirtualMFADevicesCommand({}));
    const unassigned = await iam.send(
      new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned' }),
    );
    const assigned = await iam.send(
      new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Assigned' }),
    );
    expect(any.VirtualMFADevices!.length).toBe(
      unassigned.VirtualMFADevices!.length + assigned.VirtualMFADevices!.length,
    );
    expect(assigned.VirtualMFADevices![0]!.User?.UserName).toBe('Bob');
    expect(any.VirtualMFADevices![0]).not.toHaveProperty('Base32StringSeed');

    const seen: string[] = [];
    for await (const page of paginateListVirtualMFADevices({ client: iam, pageSize: 2 }, {})) {
      expect(page.VirtualMFADevices!.length).toBeLessThanOrEqual(2);
      seen.push(...page.VirtualMFADevices!.map((d) => d.SerialNumber!));
    }
    expect(seen).toEqual(any.VirtualMFADevices!.map((d) => d.SerialNumber));
  });

  it('answers in AWS error shapes the SDK maps to its exception classes', async () => {
    await expect(iam.send(new GetUserCommand({ UserName: 'Nobody' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(iam.send(new CreateUserCommand({ UserName: 'Bob' }))).rejects.toMatchObject({
      name: 'EntityAlreadyExistsException',
    });
    await expect(iam.send(new CreateUserCommand({ UserName: 'bad name!' }))).rejects.toMatchObject({
      name: 'ValidationError',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(iam.send(new DeleteUserCommand({ UserName: 'Bob' }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
    });
    await expect(
      iam.send(
        new DeleteVirtualMFADeviceCommand({
          SerialNumber: 'arn:aws:iam::123456789012:mfa/division/eng/Bob2',
        }),
      ),
    ).rejects.toMatchObject({ name: 'DeleteConflictException' });
    await expect(
      iam.send(
        new EnableMFADeviceCommand({
          UserName: 'Bob',
          SerialNumber: 'arn:aws:iam::123456789012:mfa/spare-0',
          AuthenticationCode1: '123456',
          AuthenticationCode2: '654321',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidAuthenticationCodeException',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('an IAM user with no policy is denied (default deny)', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'Carol' }));
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'Carol' }));
    const carol = tessera.iam({
      accessKeyId: key.AccessKey!.AccessKeyId!,
      secretAccessKey: key.AccessKey!.SecretAccessKey!,
    });
    await expect(carol.send(new ListUsersCommand({}))).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('deactivating then deleting clears the way to delete the user', async () => {
    const serial = 'arn:aws:iam::123456789012:mfa/division/eng/Bob2';
    await iam.send(new DeactivateMFADeviceCommand({ UserName: 'Bob', SerialNumber: serial }));
    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }));
    await iam.send(new DeleteUserCommand({ UserName: 'Bob' }));
  });
});

describe('credentials through @aws-sdk/client-sts and client-iam', () => {
  let tessera: InProcessTessera;

  beforeAll(async () => {
    tessera = await startInProcess();
  });

  afterAll(async () => {
    await tessera?.close();
  });

  it('a deactivated access key stops working at once, and works again when reactivated', async () => {
    const iam = tessera.iam();
    await iam.send(new CreateUserCommand({ UserName: 'Erin' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'Erin' }))).AccessKey!;
    const erin = tessera.sts({
      accessKeyId: key.AccessKeyId!,
      secretAccessKey: key.SecretAccessKey!,
    });
    expect((await erin.send(new GetCallerIdentityCommand({}))).Arn).toBe(
      'arn:aws:iam::123456789012:user/Erin',
    );

    await iam.send(
      new UpdateAccessKeyCommand({
        UserName: 'Erin',
        AccessKeyId: key.AccessKeyId!,
        Status: 'Inactive',
      }),
    );
    await expect(erin.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
      $metadata: { httpStatusCode: 403 },
    });

    await iam.send(
      new UpdateAccessKeyCommand({
        UserName: 'Erin',
        AccessKeyId: key.AccessKeyId!,
        Status: 'Active',
      }),
    );
    await erin.send(new GetCallerIdentityCommand({}));

    await iam.send(new DeleteAccessKeyCommand({ UserName: 'Erin', AccessKeyId: key.AccessKeyId! }));
    await expect(erin.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
    });
  });

  it('invariant: concurrent GetSessionToken calls with one code let exactly one through', async () => {
    const iam = tessera.iam();
    await iam.send(new CreateUserCommand({ UserName: 'Finn' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'Finn' }))).AccessKey!;
    const device = (
      await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'Finn' }))
    ).VirtualMFADevice!;
    const seed = Buffer.from(device.Base32StringSeed!).toString();
    const now = tessera.deps.clock();
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'Finn',
        SerialNumber: device.SerialNumber!,
        AuthenticationCode1: codeAt(seed, -1, now),
        AuthenticationCode2: codeAt(seed, 0, now),
      }),
    );

    const finn = tessera.sts({
      accessKeyId: key.AccessKeyId!,
      secretAccessKey: key.SecretAccessKey!,
    });
    const code = codeAt(seed, 1, now);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        finn.send(
          new GetSessionTokenCommand({ SerialNumber: device.SerialNumber!, TokenCode: code }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ name: 'AccessDenied' });
    }
  });
});
