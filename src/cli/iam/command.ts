import { parseCommandLine } from './argv.js';
import { bootstrapTarget, saveBootstrap } from './bootstrap.js';
import { resolveIdentity } from './credentials.js';
import { endpointUrl } from './endpoint.js';
import { ArgumentError, CommandFailure } from './errors.js';
import { operationHelp, serviceHelp } from './help.js';
import { SERVICES, type Service, type ServiceName } from './operations.js';
import { callAll, type Call } from './paginate.js';
import { queryForm } from './query.js';
import { postQuery } from './request.js';
import { readReply, type Result } from './response.js';

/**
 * `tessera iam|sts <command> [--flags]`: one AWS CLI command against Tessera. Sets the exit
 * status instead of throwing, so every failure is one line on stderr with the AWS CLI's status.
 */
export async function runAwsCommand(name: ServiceName, args: string[]): Promise<void> {
  try {
    await run(SERVICES[name], args);
  } catch (error) {
    report(name, error);
  }
}

async function run(service: Service, args: string[]): Promise<void> {
  const line = parseCommandLine(service, args);
  if (line.help) {
    process.stdout.write(line.operation ? operationHelp(line.operation) : serviceHelp(service));
    return;
  }

  const { invocation } = line;
  const { operation, globals } = invocation;
  const saveTo = operation.name === 'CreateVirtualMFADevice' ? bootstrapTarget(invocation) : null;
  const url = endpointUrl(service.name, globals);
  const identity = await resolveIdentity(globals);

  const call: Call = async (params) => {
    const form = queryForm(service, operation, params);
    return readReply(operation, await postQuery(url, service.name, identity, form));
  };
  const result = await callAll(invocation, call);
  print(saveTo ? saveBootstrap(result, saveTo) : result);
}

/** JSON indented by four, as the AWS CLI prints it; nothing at all for an empty result. */
function print(result: Result): void {
  if (Object.keys(result).length === 0) return;
  process.stdout.write(`${JSON.stringify(result, null, 4)}\n`);
}

function report(name: ServiceName, error: unknown): void {
  if (error instanceof ArgumentError) {
    process.stderr.write(`tessera ${name}: ${error.message}\n`);
  } else if (error instanceof CommandFailure) {
    process.stderr.write(`${error.message}\n`);
  } else {
    // A fault of this client: still one line and the AWS CLI's status, never a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`tessera ${name}: ${message}\n`);
  }
  process.exitCode = error instanceof CommandFailure ? error.exitCode : 255;
}
