export { canonicalRequest, stringToSign } from './canonical.js';
export { SigV4Error, type SigV4ErrorCode } from './errors.js';
export { hasSigV4, parseSigV4 } from './parse.js';
export { deriveSigningKey, SigningKeyCache } from './signing-key.js';
export type { Credential, SignedRequest, SigV4Claim } from './types.js';
export { verifySigV4 } from './verify.js';
