import { base32Decode, timeStep, totpAt } from '../core/otp/index.js';
import type { Flags } from '../config.js';
import { UsageError } from './usage.js';

/** `tessera totp --seed BASE32 [--time UNIX]`: the code an authenticator app would show. */
export function totp(flags: Flags): void {
  const seedText = typeof flags.seed === 'string' ? flags.seed : undefined;
  if (!seedText) throw new UsageError('tessera totp needs --seed BASE32');

  const seed = base32Decode(seedText);
  if (!seed || seed.length === 0) throw new UsageError('--seed must be base32 text (A-Z, 2-7)');

  const time = typeof flags.time === 'string' ? Number(flags.time) : Date.now() / 1000;
  if (!Number.isFinite(time) || time < 0)
    throw new UsageError('--time must be a Unix time in seconds');

  process.stdout.write(`${totpAt(seed, timeStep(time * 1000))}\n`);
}
