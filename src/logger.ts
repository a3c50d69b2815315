import pino, { type Logger } from 'pino';

/**
 * Structured logs with `event` names. Redaction is a second line of defence: no code path logs a
 * header or parameter value, but if one ever did, these paths would still be masked.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'tessera' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["x-amz-security-token"]',
        'req.headers.cookie',
        '*.password',
        '*.secretAccessKey',
        '*.sessionToken',
        '*.seed',
        '*.code',
      ],
      censor: '[redacted]',
    },
  });
}
