import type { Action } from './action.js';
import createAccessKey from './iam/create-access-key.js';
import createLoginProfile from './iam/create-login-profile.js';
import createUser from './iam/create-user.js';
import createVirtualMfaDevice from './iam/create-virtual-mfa-device.js';
import deactivateMfaDevice from './iam/deactivate-mfa-device.js';
import deleteAccessKey from './iam/delete-access-key.js';
import deleteLoginProfile from './iam/delete-login-profile.js';
import deleteUser from './iam/delete-user.js';
import deleteVirtualMfaDevice from './iam/delete-virtual-mfa-device.js';
import enableMfaDevice from './iam/enable-mfa-device.js';
import getLoginProfile from './iam/get-login-profile.js';
import getMfaDevice from './iam/get-mfa-device.js';
import getUser from './iam/get-user.js';
import listAccessKeys from './iam/list-access-keys.js';
import listMfaDeviceTags from './iam/list-mfa-device-tags.js';
import listMfaDevices from './iam/list-mfa-devices.js';
import listUsers from './iam/list-users.js';
import listVirtualMfaDevices from './iam/list-virtual-mfa-devices.js';
import resyncMfaDevice from './iam/resync-mfa-device.js';
import tagMfaDevice from './iam/tag-mfa-device.js';
import untagMfaDevice from './iam/untag-mfa-device.js';
import updateAccessKey from './iam/update-access-key.js';
import updateLoginProfile from './iam/update-login-profile.js';
import updateUser from './iam/update-user.js';
import getCallerIdentity from './sts/get-caller-identity.js';
import getSessionToken from './sts/get-session-token.js';

/**
 * Each action's input type flows only from its own `read` to its own `run`, so the registry may
 * hold them with the input type erased.
 */
function erase<Input>(action: Action<Input>): Action<unknown> {
  return action as unknown as Action<unknown>;
}

const ALL: Action<unknown>[] = [
  erase(createUser),
  erase(getUser),
  erase(listUsers),
  erase(updateUser),
  erase(deleteUser),
  erase(createLoginProfile),
  erase(getLoginProfile),
  erase(updateLoginProfile),
  erase(deleteLoginProfile),
  erase(createAccessKey),
  erase(listAccessKeys),
  erase(updateAccessKey),
  erase(deleteAccessKey),
  erase(createVirtualMfaDevice),
  erase(enableMfaDevice),
  erase(resyncMfaDevice),
  erase(deactivateMfaDevice),
  erase(deleteVirtualMfaDevice),
  erase(getMfaDevice),
  erase(listMfaDevices),
  erase(listVirtualMfaDevices),
  erase(tagMfaDevice),
  erase(untagMfaDevice),
  erase(listMfaDeviceTags),
  erase(getSessionToken),
  erase(getCallerIdentity),
];

const BY_SERVICE = new Map<string, Map<string, Action<unknown>>>();
for (const action of ALL) {
  if (!BY_SERVICE.has(action.service)) BY_SERVICE.set(action.service, new Map());
  BY_SERVICE.get(action.service)!.set(action.name, action);
}

export function findAction(service: string, name: string): Action<unknown> | undefined {
  return BY_SERVICE.get(service)?.get(name);
}

export function actionNames(service: string): string[] {
  return [...(BY_SERVICE.get(service)?.keys() ?? [])];
}
