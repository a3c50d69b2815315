import { accessSync, closeSync, constants, fchmodSync, openSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { ArgumentError } from './errors.js';
import type { Invocation } from './invocation.js';
import type { Result } from './response.js';

/** Both blobs carry the seed; neither is printed. */
const METHODS = ['QRCodePNG', 'Base32StringSeed'];

/** create-virtual-mfa-device's `--outfile` and `--bootstrap-method`, checked before the call. */
export function bootstrapTarget(invocation: Invocation): { path: string; method: string } {
  const method = invocation.options.get('bootstrap-method') as string;
  const path = resolve(invocation.options.get('outfile') as string);

  try {
    accessSync(dirname(path), constants.W_OK);
  } catch {
    throw new ArgumentError(`The outfile's folder does not exist or is not writable: ${path}`);
  }
  return { path, method };
}

/**
 * Writes the chosen blob, decoded, to the file (mode 0600: it holds the seed) and drops both
 * blobs from the result, so the seed is never printed, as the AWS CLI does.
 */
export function saveBootstrap(result: Result, target: { path: string; method: string }): Result {
  const device = result.VirtualMFADevice;
  if (!device || typeof device !== 'object' || Array.isArray(device)) return result;

  const blob = device[target.method];
  if (typeof blob === 'string') writePrivate(target.path, Buffer.from(blob, 'base64'));

  const kept = Object.entries(device).filter(([key]) => !METHODS.includes(key));
  return { ...result, VirtualMFADevice: Object.fromEntries(kept) };
}

function writePrivate(path: string, bytes: Buffer): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    // The mode above applies only to a new file; an existing one may have been readable.
    fchmodSync(fd, 0o600);
    writeFileSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}
