import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

import { AwsError } from '../domain/errors.js';
import type { Console } from './context.js';
import { signedInIfAny } from './guard.js';
import { messagePage } from './respond.js';

const TITLES: Record<number, string> = {
  400: 'The request could not be read',
  403: 'Not allowed',
  404: 'Not found',
  409: 'That did not work',
  413: 'Too large',
};

type ErrorHandler = (
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) => void;

/**
 * Any failure becomes a readable page: a domain error shows its message, a refused request a
 * fixed one, and a bug a generic apology (the details go to the log, never to the page).
 */
export function consoleErrors(c: Console): ErrorHandler {
  return (error, request, reply) => {
    const nav = signedInIfAny(request)?.nav;
    if (error instanceof AwsError && error.status < 500) {
      const title = TITLES[error.status] ?? 'Request refused';
      void messagePage(reply, error.status, title, error.message, nav);
      return;
    }

    const status = 'statusCode' in error ? (error.statusCode ?? 500) : 500;
    if (status < 500) {
      const message =
        status === 413
          ? 'The form is larger than the console accepts.'
          : 'Reload the page and try again.';
      void messagePage(reply, status, TITLES[status] ?? 'Request refused', message, nav);
      return;
    }

    if (error instanceof AwsError) {
      void messagePage(reply, error.status, 'Please try again', error.message, nav);
      return;
    }
    c.logger.error(
      { event: 'http.fault', err: error, path: request.routeOptions.url },
      'console fault',
    );
    const message = 'The console could not complete this request. Please try again in a moment.';
    void messagePage(reply, 500, 'Something went wrong', message, nav);
  };
}
