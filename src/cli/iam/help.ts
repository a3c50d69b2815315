import type { Flag, Operation, Service } from './operations.js';

const GLOBAL_OPTIONS = `Global options:
  --endpoint-url URL   default TESSERA_ENDPOINT, AWS_ENDPOINT_URL or http://127.0.0.1:4599
  --region REGION      default AWS_REGION, AWS_DEFAULT_REGION, the profile's, or us-east-1
  --profile NAME       a profile of ~/.aws/credentials and ~/.aws/config (default AWS_PROFILE)
  --output json        the only format
  --no-paginate        one call for List* commands, with --marker and --max-items as given

Credentials come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, or the
profile. Exit status: 254 when the service returns an error, 255 when nothing could be sent.
`;

/** `tessera iam help`: the commands in the table's order, users to groups. */
export function serviceHelp(service: Service): string {
  const commands = service.operations.map((op) => `  ${op.command}`).join('\n');
  return (
    `Usage: tessera ${service.name} <command> [--flags] [global options]\n\n` +
    `Commands:\n${commands}\n\n` +
    `"tessera ${service.name} <command> help" lists a command's flags.\n\n${GLOBAL_OPTIONS}`
  );
}

/** `tessera iam create-user help`: the command's flags, required ones first. */
export function operationHelp(operation: Operation): string {
  const flags = [...operation.flags].sort((a, b) => Number(b.required) - Number(a.required));
  const lines = flags.map((flag) => `  ${usageOf(flag)}${flag.required ? '' : '  (optional)'}`);
  return (
    `Usage: tessera ${operation.service} ${operation.command} [--flags] [global options]\n\n` +
    `Calls ${operation.name}.${operation.pages ? ' Pages through every result.' : ''}\n\n` +
    `Flags:\n${lines.join('\n')}\n\n${GLOBAL_OPTIONS}`
  );
}

function usageOf(flag: Flag): string {
  switch (flag.kind) {
    case 'boolean':
      return `--${flag.flag} | --no-${flag.flag}`;
    case 'integer':
      return `--${flag.flag} N`;
    case 'tags':
      return `--${flag.flag} Key=k,Value=v [Key=k,Value=v ...]`;
    case 'strings':
      return `--${flag.flag} VALUE [VALUE ...]`;
    case 'string':
      return `--${flag.flag} ${flag.choices ? flag.choices.join('|') : 'VALUE'}`;
  }
}
