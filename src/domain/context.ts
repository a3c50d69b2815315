import type { RandomSource, Sealer } from '../core/crypto/index.js';
import type { Store } from '../storage/store.js';

/** Milliseconds since the epoch. Only the shell reads the real clock; tests pin this. */
export type Clock = () => number;

export interface MfaSettings {
  /** Failed codes a device may take before it is locked. */
  maxFailedAttempts: number;
  /** First lock's length; each further lock without a success in between doubles it. */
  lockoutBaseSeconds: number;
  lockoutMaxSeconds: number;
  /** Steps either side of the expected one a sign-in code may come from (RFC 6238 §5.2). */
  verifyWindowSteps: number;
  /** Steps either side of the server's clock searched for the two codes of enable and resync. */
  syncWindowSteps: number;
  maxDevicesPerUser: number;
}

export interface Settings {
  accountId: string;
  /** The issuer shown by authenticator apps (the key URI's issuer and label prefix). */
  issuer: string;
  mfa: MfaSettings;
}

export const DEFAULT_MFA: MfaSettings = {
  maxFailedAttempts: 5,
  lockoutBaseSeconds: 60,
  lockoutMaxSeconds: 3600,
  verifyWindowSteps: 1,
  syncWindowSteps: 10,
  maxDevicesPerUser: 8,
};

/** How a check of MFA codes ended: accepted, wrong, a replay of a used code, or refused unread. */
export type MfaVerificationResult = 'ok' | 'wrong' | 'replayed' | 'locked';

/** Hooks the shell may attach to domain outcomes (metrics); the domain never waits on them. */
export interface DomainObserver {
  mfaVerification?(result: MfaVerificationResult): void;
}

/** Everything a domain service needs, handed in by the shell. */
export interface Deps {
  store: Store;
  clock: Clock;
  random: RandomSource;
  sealer: Sealer;
  settings: Settings;
  observer?: DomainObserver;
}
