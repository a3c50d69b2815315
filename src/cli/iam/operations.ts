import { kebabCase } from './names.js';

/** How a parameter is written on the command line and sent on the wire. */
export type ParamKind = 'string' | 'integer' | 'boolean' | 'tags' | 'strings';

export type ServiceName = 'iam' | 'sts';

/** One flag of a command: a wire parameter (`param`), or an option of the CLI's own. */
export interface Flag {
  flag: string;
  kind: ParamKind;
  required: boolean;
  param?: string;
  /** The only values the flag takes, when the CLI checks them itself. */
  choices?: string[];
}

export interface Operation {
  service: ServiceName;
  name: string;
  command: string;
  flags: Flag[];
  /** For the List* operations the CLI pages through: the list gathered across pages. */
  pages?: string;
}

export interface Service {
  name: ServiceName;
  version: string;
  operations: Operation[];
}

/** A kind ending in `!` is required: the CLI refuses to send the call without it. */
type Spec = ParamKind | `${ParamKind}!`;
type Table = Record<string, Record<string, Spec>>;

const PAGING = { Marker: 'string', MaxItems: 'integer' } as const;

/** The parameters each action of the server reads, in AWS's names (src/api/iam, src/api/sts). */
const IAM: Table = {
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
};

const STS: Table = {
  GetSessionToken: { DurationSeconds: 'integer', SerialNumber: 'string', TokenCode: 'string' },
  GetCallerIdentity: {},
};

/** The list each paginated operation returns a page of, followed by IsTruncated and Marker. */
const PAGES: Record<string, string> = {
  ListUsers: 'Users',
  ListAccessKeys: 'AccessKeyMetadata',
  ListMFADevices: 'MFADevices',
  ListVirtualMFADevices: 'VirtualMFADevices',
  ListMFADeviceTags: 'Tags',
};

/** Options the AWS CLI adds to paginated commands, beside `--max-items` (a total there). */
const PAGING_OPTIONS: Flag[] = [
  { flag: 'starting-token', kind: 'string', required: false },
  { flag: 'page-size', kind: 'integer', required: false },
];

/** The AWS CLI's create-virtual-mfa-device saves one bootstrap blob to a file, required. */
const BOOTSTRAP_OPTIONS: Flag[] = [
  { flag: 'outfile', kind: 'string', required: true },
  {
    flag: 'bootstrap-method',
    kind: 'string',
    required: true,
    choices: ['QRCodePNG', 'Base32StringSeed'],
  },
];

function operation(service: ServiceName, name: string, specs: Record<string, Spec>): Operation {
  const params: Flag[] = Object.entries(specs).map(([param, spec]) => ({
    flag: kebabCase(param),
    kind: spec.replace('!', '') as ParamKind,
    required: spec.endsWith('!'),
    param,
  }));
  const pages = PAGES[name];
  const extras = name === 'CreateVirtualMFADevice' ? BOOTSTRAP_OPTIONS : [];
  const flags = [...params, ...(pages ? PAGING_OPTIONS : []), ...extras];

  return { service, name, command: kebabCase(name), flags, ...(pages ? { pages } : {}) };
}

function service(name: ServiceName, version: string, table: Table): Service {
  const operations = Object.entries(table).map(([op, specs]) => operation(name, op, specs));
  return { name, version, operations };
}

export const SERVICES: Record<ServiceName, Service> = {
  iam: service('iam', '2010-05-08', IAM),
  sts: service('sts', '2011-06-15', STS),
};

export function findOperation(service: Service, command: string): Operation | undefined {
  return service.operations.find((op) => op.command === command);
}
