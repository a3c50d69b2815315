import { IAM, IAM_PAGES } from './iam-table.js';
import { kebabCase } from './names.js';
import { STS } from './sts-table.js';

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
export type Spec = ParamKind | `${ParamKind}!`;

/** Operations by wire name, each with its parameters by wire name. */
export type Table = Record<string, Record<string, Spec>>;

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

function operation(
  service: ServiceName,
  name: string,
  specs: Record<string, Spec>,
  pages: string | undefined,
): Operation {
  const params: Flag[] = Object.entries(specs).map(([param, spec]) => ({
    flag: kebabCase(param),
    kind: spec.replace('!', '') as ParamKind,
    required: spec.endsWith('!'),
    param,
  }));
  const extras = name === 'CreateVirtualMFADevice' ? BOOTSTRAP_OPTIONS : [];
  const flags = [...params, ...(pages ? PAGING_OPTIONS : []), ...extras];

  return { service, name, command: kebabCase(name), flags, pages };
}

function service(
  name: ServiceName,
  version: string,
  table: Table,
  pages: Record<string, string> = {},
): Service {
  const operations = Object.entries(table).map(([op, specs]) =>
    operation(name, op, specs, pages[op]),
  );
  return { name, version, operations };
}

export const SERVICES: Record<ServiceName, Service> = {
  iam: service('iam', '2010-05-08', IAM, IAM_PAGES),
  sts: service('sts', '2011-06-15', STS),
};

export function findOperation(service: Service, command: string): Operation | undefined {
  return service.operations.find((op) => op.command === command);
}

/** A flag of the operation by name; a switch also answers to `--no-<name>`. */
export function findFlag(operation: Operation, name: string): Flag | undefined {
  const exact = operation.flags.find((f) => f.flag === name);
  if (exact) return exact;

  const negated = name.startsWith('no-') ? name.slice(3) : undefined;
  return operation.flags.find((f) => f.flag === negated && f.kind === 'boolean');
}
