/**
 * The AWS CLI's exit statuses: 254 when the service answered with an error, 255 when the command
 * never got that far (a bad flag, missing credentials, no connection). Each failure is printed
 * as one line, never as a stack trace.
 */
export abstract class CommandFailure extends Error {
  abstract readonly exitCode: number;
}

/** A flag, value or setting the command cannot use; nothing was sent. */
export class ArgumentError extends CommandFailure {
  readonly exitCode = 255;
}

/** The endpoint could not be reached or did not answer like the Query API. */
export class ConnectionError extends CommandFailure {
  readonly exitCode = 255;
}

/** The service's own error response, printed in the AWS CLI's words. */
export class ServiceError extends CommandFailure {
  readonly exitCode = 254;

  constructor(
    readonly code: string,
    readonly operation: string,
    readonly detail: string,
  ) {
    super(`An error occurred (${code}) when calling the ${operation} operation: ${detail}`);
  }
}
