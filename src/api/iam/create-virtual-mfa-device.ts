import { mfaSerial } from '../../domain/arn.js';
import { createVirtualMfaDevice } from '../../domain/mfa/devices.js';
import { defineAction } from '../action.js';
import { S } from '../shapes.js';
import { tagsXml } from './common.js';

export default defineAction({
  service: 'iam',
  name: 'CreateVirtualMFADevice',
  read: (p) => ({
    name: p.required('VirtualMFADeviceName', S.virtualMFADeviceName),
    path: p.string('Path', S.path) ?? '/',
    tags: p.tags(),
  }),
  resource: (ctx, input) => mfaSerial(ctx.deps.settings.accountId, input.path, input.name),
  run: async (ctx, input) => {
    const created = await createVirtualMfaDevice(ctx.deps, input);
    return {
      VirtualMFADevice: {
        SerialNumber: created.device.serialNumber,
        // The wire carries the base32 text itself, base64-encoded as a blob (as AWS sends it).
        Base32StringSeed: Buffer.from(created.base32Seed),
        QRCodePNG: created.qrCodePng,
        Tags: input.tags.length > 0 ? tagsXml(input.tags) : undefined,
      },
    };
  },
});
