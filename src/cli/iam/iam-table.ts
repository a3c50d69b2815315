import type { Table } from './operations.js';

const PAGING = { Marker: 'string', MaxItems: 'integer' } as const;

/**
 * The IAM parameters each action of the server reads (src/api/iam), in AWS's names. A kind
 * ending in `!` is required: the CLI refuses to send the call without it, as the AWS CLI does.
 */
export const IAM: Table = {
  CreateUser: { UserName: 'string!', Path: 'string', Tags: 'tags' },
  GetUser: { UserName: 'string' },
  ListUsers: { PathPrefix: 'string', ...PAGING },
  UpdateUser: { UserName: 'string!', NewUserName: 'string', NewPath: 'string' },
  DeleteUser: { UserName: 'string!' },

  CreateLoginProfile: { UserName: 'string', Password: 'string', PasswordResetRequired: 'boolean' },
  GetLoginProfile: { UserName: 'string' },
  UpdateLoginProfile: {
    UserName: 'string!',
    Password: 'string',
    PasswordResetRequired: 'boolean',
  },
  DeleteLoginProfile: { UserName: 'string' },

  CreateAccessKey: { UserName: 'string' },
  ListAccessKeys: { UserName: 'string', ...PAGING },
  UpdateAccessKey: { UserName: 'string', AccessKeyId: 'string!', Status: 'string!' },
  DeleteAccessKey: { UserName: 'string', AccessKeyId: 'string!' },

  CreateVirtualMFADevice: { VirtualMFADeviceName: 'string!', Path: 'string', Tags: 'tags' },
  EnableMFADevice: {
    UserName: 'string!',
    SerialNumber: 'string!',
    AuthenticationCode1: 'string!',
    AuthenticationCode2: 'string!',
  },
  ResyncMFADevice: {
    UserName: 'string!',
    SerialNumber: 'string!',
    AuthenticationCode1: 'string!',
    AuthenticationCode2: 'string!',
  },
  DeactivateMFADevice: { UserName: 'string', SerialNumber: 'string!' },
  DeleteVirtualMFADevice: { SerialNumber: 'string!' },
  GetMFADevice: { SerialNumber: 'string!', UserName: 'string' },
  ListMFADevices: { UserName: 'string', ...PAGING },
  ListVirtualMFADevices: { AssignmentStatus: 'string', ...PAGING },
  TagMFADevice: { SerialNumber: 'string!', Tags: 'tags!' },
  UntagMFADevice: { SerialNumber: 'string!', TagKeys: 'strings!' },
  ListMFADeviceTags: { SerialNumber: 'string!', ...PAGING },

  CreatePolicy: {
    PolicyName: 'string!',
    Path: 'string',
    PolicyDocument: 'string!',
    Description: 'string',
    Tags: 'tags',
  },
  GetPolicy: { PolicyArn: 'string!' },
  ListPolicies: {
    Scope: 'string',
    OnlyAttached: 'boolean',
    PathPrefix: 'string',
    PolicyUsageFilter: 'string',
    ...PAGING,
  },
  DeletePolicy: { PolicyArn: 'string!' },
  CreatePolicyVersion: { PolicyArn: 'string!', PolicyDocument: 'string!', SetAsDefault: 'boolean' },
  GetPolicyVersion: { PolicyArn: 'string!', VersionId: 'string!' },
  ListPolicyVersions: { PolicyArn: 'string!', ...PAGING },
  DeletePolicyVersion: { PolicyArn: 'string!', VersionId: 'string!' },
  SetDefaultPolicyVersion: { PolicyArn: 'string!', VersionId: 'string!' },

  AttachUserPolicy: { UserName: 'string!', PolicyArn: 'string!' },
  DetachUserPolicy: { UserName: 'string!', PolicyArn: 'string!' },
  ListAttachedUserPolicies: { UserName: 'string!', PathPrefix: 'string', ...PAGING },
  PutUserPolicy: { UserName: 'string!', PolicyName: 'string!', PolicyDocument: 'string!' },
  GetUserPolicy: { UserName: 'string!', PolicyName: 'string!' },
  ListUserPolicies: { UserName: 'string!', ...PAGING },
  DeleteUserPolicy: { UserName: 'string!', PolicyName: 'string!' },

  CreateGroup: { GroupName: 'string!', Path: 'string' },
  GetGroup: { GroupName: 'string!', ...PAGING },
  ListGroups: { PathPrefix: 'string', ...PAGING },
  ListGroupsForUser: { UserName: 'string!', ...PAGING },
  DeleteGroup: { GroupName: 'string!' },
  AddUserToGroup: { GroupName: 'string!', UserName: 'string!' },
  RemoveUserFromGroup: { GroupName: 'string!', UserName: 'string!' },
  AttachGroupPolicy: { GroupName: 'string!', PolicyArn: 'string!' },
  DetachGroupPolicy: { GroupName: 'string!', PolicyArn: 'string!' },
  ListAttachedGroupPolicies: { GroupName: 'string!', PathPrefix: 'string', ...PAGING },
  PutGroupPolicy: { GroupName: 'string!', PolicyName: 'string!', PolicyDocument: 'string!' },
  GetGroupPolicy: { GroupName: 'string!', PolicyName: 'string!' },
  ListGroupPolicies: { GroupName: 'string!', ...PAGING },
  DeleteGroupPolicy: { GroupName: 'string!', PolicyName: 'string!' },
};

/** The list each paginated IAM operation returns a page of, beside IsTruncated and Marker. */
export const IAM_PAGES: Record<string, string> = {
  ListUsers: 'Users',
  ListAccessKeys: 'AccessKeyMetadata',
  ListMFADevices: 'MFADevices',
  ListVirtualMFADevices: 'VirtualMFADevices',
  ListMFADeviceTags: 'Tags',
  ListPolicies: 'Policies',
  ListPolicyVersions: 'Versions',
  ListAttachedUserPolicies: 'AttachedPolicies',
  ListUserPolicies: 'PolicyNames',
  GetGroup: 'Users',
  ListGroups: 'Groups',
  ListGroupsForUser: 'Groups',
  ListAttachedGroupPolicies: 'AttachedPolicies',
  ListGroupPolicies: 'PolicyNames',
};
