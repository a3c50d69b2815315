import { PasswordPolicyViolation } from './errors.js';

/**
 * The rules AWS applies when an account has set no password policy: at least eight characters
 * and three of the four character classes, and not the user's own name.
 */
const CLASSES: RegExp[] = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];

export function checkPassword(password: string, userName: string): void {
  if (password.length < 8) {
    throw new PasswordPolicyViolation('Password should have a minimum length of 8.');
  }

  const classes = CLASSES.filter((re) => re.test(password)).length;
  if (classes < 3) {
    throw new PasswordPolicyViolation(
      'Password should have at least three of: upper-case letters, lower-case letters, ' +
        'numbers and symbols.',
    );
  }

  if (password.toLowerCase() === userName.toLowerCase()) {
    throw new PasswordPolicyViolation('Password should not be the same as the user name.');
  }
}
