export { base32Decode, base32Encode } from './base32.js';
export { hotp, type OtpAlgorithm } from './hotp.js';
export { AWS_TOTP, findStep, isCodeFormat, timeStep, totpAt, type TotpParams } from './totp.js';
export { rfc3986, totpKeyUri, type KeyUriInput } from './key-uri.js';
