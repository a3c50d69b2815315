/** The AWS wire codes a SigV4 check can end in; the API layer renders them as they are. */
export type SigV4ErrorCode =
  | 'MissingAuthenticationToken'
  | 'IncompleteSignature'
  | 'SignatureDoesNotMatch'
  | 'InvalidClientTokenId';

const STATUS: Readonly<Record<SigV4ErrorCode, number>> = {
  MissingAuthenticationToken: 403,
  IncompleteSignature: 400,
  SignatureDoesNotMatch: 403,
  InvalidClientTokenId: 403,
};

/**
 * A request that fails authentication. The message goes to the client, so it only ever echoes
 * what the client itself sent, never a key or a signature we computed.
 */
export class SigV4Error extends Error {
  readonly code: SigV4ErrorCode;

  constructor(code: SigV4ErrorCode, message: string) {
    super(message);
    this.name = 'SigV4Error';
    this.code = code;
  }

  /** The HTTP status AWS answers this code with. */
  get status(): number {
    return STATUS[this.code];
  }
}

/** AWS's fixed text for a wrong signature; it must not vary with the input. */
export const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. ' +
  'Consult the service documentation for details.';

export function incomplete(message: string): SigV4Error {
  return new SigV4Error('IncompleteSignature', message);
}

export function mismatch(message: string = SIGNATURE_MISMATCH_MESSAGE): SigV4Error {
  return new SigV4Error('SignatureDoesNotMatch', message);
}
