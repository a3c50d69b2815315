export type SigV4ErrorCode =
  | 'MissingAuthenticationToken'
  | 'IncompleteSignature'
  | 'SignatureDoesNotMatch'
  | 'InvalidClientTokenId';

/** A request whose signature cannot be accepted; the code is AWS's wire code for the reason. */
export class SigV4Error extends Error {
  readonly code: SigV4ErrorCode;

  constructor(code: SigV4ErrorCode, message: string) {
    super(message);
    this.name = code;
    this.code = code;
  }
}
