import { ConnectionError, ServiceError } from './errors.js';
import type { Operation } from './operations.js';
import { parseXml, shapeOutput, type Json } from './output.js';
import type { Reply } from './request.js';

export type Result = { [key: string]: Json };

/**
 * The result of a call as the AWS CLI prints it (the `<Operation>Result` element's members), or
 * the service's error as a ServiceError. A reply that is not Query API XML is reported by its
 * HTTP status, as botocore does.
 */
export function readReply(operation: Operation, reply: Reply): Result {
  const document = parseOrNothing(reply.body);
  if (reply.status < 200 || reply.status >= 300) throw errorOf(operation, reply, document);

  const root = document?.[`${operation.name}Response`] as Record<string, unknown> | undefined;
  if (!root || typeof root !== 'object') {
    throw new ConnectionError(
      `The endpoint's answer to ${operation.name} is not an AWS Query API response`,
    );
  }

  const result = shapeOutput(root[`${operation.name}Result`]);
  return typeof result === 'object' && !Array.isArray(result) ? result : {};
}

function parseOrNothing(body: string): Record<string, unknown> | undefined {
  try {
    return parseXml(body);
  } catch {
    return undefined;
  }
}

function errorOf(
  operation: Operation,
  reply: Reply,
  document: Record<string, unknown> | undefined,
): ServiceError {
  const envelope = document?.ErrorResponse as { Error?: Record<string, unknown> } | undefined;
  const code = envelope?.Error?.Code;
  const message = envelope?.Error?.Message;

  if (typeof code === 'string') {
    return new ServiceError(code, operation.name, typeof message === 'string' ? message : '');
  }
  return new ServiceError(String(reply.status), operation.name, reply.statusText);
}
