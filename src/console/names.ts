import { ValidationError } from '../domain/errors.js';

/** IAM's name rule for users and MFA devices: letters, digits and + = , . @ _ - only. */
const NAME = /^[\w+=,.@-]+$/;

export function checkName(value: string, what: string, max: number): string {
  if (value.length === 0) throw new ValidationError(`Enter a ${what}.`);
  if (value.length > max || !NAME.test(value)) {
    throw new ValidationError(
      `A ${what} may use only letters, digits and + = , . @ _ - (at most ${max} characters).`,
    );
  }
  return value;
}

/** Account ids are often written with dashes or spaces (1234-5678-9012); compare the digits. */
export function normalAccountId(value: string): string {
  return value.replace(/[\s-]/g, '');
}

export function isSixDigitCode(value: string): boolean {
  return /^\d{6}$/.test(value);
}
