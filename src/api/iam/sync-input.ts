import type { SyncInput } from '../../domain/mfa/enable.js';
import type { Params } from '../params.js';
import { S } from '../shapes.js';

/** EnableMFADevice and ResyncMFADevice take the same four members. */
export function readSyncInput(p: Params): SyncInput {
  return {
    userName: p.required('UserName', S.existingUserName),
    serialNumber: p.required('SerialNumber', S.serialNumber),
    code1: p.required('AuthenticationCode1', S.authenticationCode1),
    code2: p.required('AuthenticationCode2', S.authenticationCode2),
  };
}
