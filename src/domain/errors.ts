/**
 * One error base for everything a request can be refused with, named after AWS's wire codes.
 * The API renders any AwsError as <ErrorResponse>; the console shows its message. Anything that is
 * not an AwsError is a bug and is rendered as a generic internal failure.
 */
export class AwsError extends Error {
  readonly code: string;
  readonly status: number;
  readonly sender: boolean;

  constructor(code: string, status: number, message: string, sender = status < 500) {
    super(message);
    this.name = code;
    this.code = code;
    this.status = status;
    this.sender = sender;
  }
}

export class NoSuchEntity extends AwsError {
  constructor(message: string) {
    super('NoSuchEntity', 404, message);
  }
}
export class EntityAlreadyExists extends AwsError {
  constructor(message: string) {
    super('EntityAlreadyExists', 409, message);
  }
}
export class EntityTemporarilyUnmodifiable extends AwsError {
  constructor(message: string) {
    super('EntityTemporarilyUnmodifiable', 409, message);
  }
}
export class DeleteConflict extends AwsError {
  constructor(message: string) {
    super('DeleteConflict', 409, message);
  }
}
export class LimitExceeded extends AwsError {
  constructor(message: string) {
    super('LimitExceeded', 409, message);
  }
}
export class ConcurrentModification extends AwsError {
  constructor(message: string) {
    super('ConcurrentModification', 409, message);
  }
}
export class InvalidAuthenticationCode extends AwsError {
  constructor(message: string) {
    super('InvalidAuthenticationCode', 403, message);
  }
}
export class InvalidInput extends AwsError {
  constructor(message: string) {
    super('InvalidInput', 400, message);
  }
}
export class PasswordPolicyViolation extends AwsError {
  constructor(message: string) {
    super('PasswordPolicyViolation', 400, message);
  }
}
export class MalformedPolicyDocument extends AwsError {
  constructor(message: string) {
    super('MalformedPolicyDocument', 400, message);
  }
}
export class PolicyNotAttachable extends AwsError {
  constructor(message: string) {
    super('PolicyNotAttachable', 400, message);
  }
}
export class ValidationError extends AwsError {
  constructor(message: string) {
    super('ValidationError', 400, message);
  }
}
export class InvalidAction extends AwsError {
  constructor(message: string) {
    super('InvalidAction', 400, message);
  }
}
export class MissingAction extends AwsError {
  constructor(message: string) {
    super('MissingAction', 400, message);
  }
}
export class MissingParameter extends AwsError {
  constructor(message: string) {
    super('MissingParameter', 400, message);
  }
}
export class MalformedQueryString extends AwsError {
  constructor(message: string) {
    super('MalformedQueryString', 400, message);
  }
}
export class InvalidParameterValue extends AwsError {
  constructor(message: string) {
    super('InvalidParameterValue', 400, message);
  }
}
export class Throttling extends AwsError {
  constructor(message: string) {
    super('Throttling', 400, message);
  }
}
export class AccessDenied extends AwsError {
  constructor(message: string) {
    super('AccessDenied', 403, message);
  }
}
export class MissingAuthenticationToken extends AwsError {
  constructor(message: string) {
    super('MissingAuthenticationToken', 403, message);
  }
}
export class IncompleteSignature extends AwsError {
  constructor(message: string) {
    super('IncompleteSignature', 400, message);
  }
}
export class InvalidClientTokenId extends AwsError {
  constructor(message: string) {
    super('InvalidClientTokenId', 403, message);
  }
}
export class SignatureDoesNotMatch extends AwsError {
  constructor(message: string) {
    super('SignatureDoesNotMatch', 403, message);
  }
}
export class ExpiredToken extends AwsError {
  constructor(message: string) {
    super('ExpiredToken', 403, message);
  }
}
export class RequestEntityTooLarge extends AwsError {
  constructor(message: string) {
    super('RequestEntityTooLarge', 413, message);
  }
}

/** A dependency (the database) is briefly unreachable: retryable, and nothing was consumed. */
export class ServiceUnavailable extends AwsError {
  /** `cause` is the driver's error, kept for the error log; the client sees only the message. */
  constructor(message = 'Service is temporarily unavailable. Please retry.', cause?: unknown) {
    super('ServiceUnavailable', 503, message, false);
    if (cause !== undefined) this.cause = cause;
  }
}

export class InternalFailure extends AwsError {
  constructor() {
    super('InternalFailure', 500, 'The request processing has failed because of an unknown error.');
  }
}
