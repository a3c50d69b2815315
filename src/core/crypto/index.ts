export { safeEqual, sha256Hex } from './digest.js';
export {
  dummyVerify,
  hashPassword,
  OWASP_SCRYPT,
  verifyPassword,
  type ScryptCost,
} from './password.js';
export {
  newAccountId,
  newId,
  newSecretAccessKey,
  newToken,
  systemRandom,
  type RandomSource,
} from './random.js';
export { SealError, Sealer } from './seal.js';
