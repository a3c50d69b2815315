import { ValidationError } from '../../domain/errors.js';
import type { ActionContext } from '../action.js';
import { targetUserName } from './common.js';

/** Login profiles belong to IAM users; the root user's password is not managed through IAM. */
export function loginProfileUser(ctx: ActionContext, given: string | undefined): string {
  const name = targetUserName(ctx, given);
  if (name === undefined) {
    throw new ValidationError('Must specify userName when calling with non-User credentials');
  }
  return name;
}
