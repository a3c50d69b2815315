import type { Action } from './action.js';
import addUserToGroup from './iam/add-user-to-group.js';
import attachGroupPolicy from './iam/attach-group-policy.js';
import attachUserPolicy from './iam/attach-user-policy.js';
import createAccessKey from './iam/create-access-key.js';
import createGroup from './iam/create-group.js';
import createLoginProfile from './iam/create-login-profile.js';
import createPolicy from './iam/create-policy.js';
import createPolicyVersion from './iam/create-policy-version.js';
import createUser from './iam/create-user.js';
import createVirtualMfaDevice from './iam/create-virtual-mfa-device.js';
import deactivateMfaDevice from './iam/deactivate-mfa-device.js';
import deleteAccessKey from './iam/delete-access-key.js';
import deleteGroup from './iam/delete-group.js';
import deleteGroupPolicy from './iam/delete-group-policy.js';
import deleteLoginProfile from './iam/delete-login-profile.js';
import deletePolicy from './iam/delete-policy.js';
import deletePolicyVersion from './iam/delete-policy-version.js';
import deleteUser from './iam/delete-user.js';
import deleteUserPolicy from './iam/delete-user-policy.js';
import deleteVirtualMfaDevice from './iam/delete-virtual-mfa-device.js';
import detachGroupPolicy from './iam/detach-group-policy.js';
import detachUserPolicy from './iam/detach-user-policy.js';
import enableMfaDevice from './iam/enable-mfa-device.js';
import getGroup from './iam/get-group.js';
import getGroupPolicy from './iam/get-group-policy.js';
import getLoginProfile from './iam/get-login-profile.js';
import getMfaDevice from './iam/get-mfa-device.js';
import getPolicy from './iam/get-policy.js';
import getPolicyVersion from './iam/get-policy-version.js';
import getUser from './iam/get-user.js';
import getUserPolicy from './iam/get-user-policy.js';
import listAccessKeys from './iam/list-access-keys.js';
import listAttachedGroupPolicies from './iam/list-attached-group-policies.js';
import listAttachedUserPolicies from './iam/list-attached-user-policies.js';
import listGroupPolicies from './iam/list-group-policies.js';
import listGroups from './iam/list-groups.js';
import listGroupsForUser from './iam/list-groups-for-user.js';
import listMfaDeviceTags from './iam/list-mfa-device-tags.js';
import listMfaDevices from './iam/list-mfa-devices.js';
import listPolicies from './iam/list-policies.js';
import listPolicyVersions from './iam/list-policy-versions.js';
import listUserPolicies from './iam/list-user-policies.js';
import listUsers from './iam/list-users.js';
import listVirtualMfaDevices from './iam/list-virtual-mfa-devices.js';
import putGroupPolicy from './iam/put-group-policy.js';
import putUserPolicy from './iam/put-user-policy.js';
import removeUserFromGroup from './iam/remove-user-from-group.js';
import resyncMfaDevice from './iam/resync-mfa-device.js';
import setDefaultPolicyVersion from './iam/set-default-policy-version.js';
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
  erase(createPolicy),
  erase(getPolicy),
  erase(getPolicyVersion),
  erase(listPolicies),
  erase(listPolicyVersions),
  erase(deletePolicy),
  erase(createPolicyVersion),
  erase(deletePolicyVersion),
  erase(setDefaultPolicyVersion),
  erase(attachUserPolicy),
  erase(detachUserPolicy),
  erase(listAttachedUserPolicies),
  erase(putUserPolicy),
  erase(getUserPolicy),
  erase(listUserPolicies),
  erase(deleteUserPolicy),
  erase(createGroup),
  erase(getGroup),
  erase(listGroups),
  erase(deleteGroup),
  erase(addUserToGroup),
  erase(removeUserFromGroup),
  erase(listGroupsForUser),
  erase(attachGroupPolicy),
  erase(detachGroupPolicy),
  erase(listAttachedGroupPolicies),
  erase(putGroupPolicy),
  erase(getGroupPolicy),
  erase(listGroupPolicies),
  erase(deleteGroupPolicy),
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
