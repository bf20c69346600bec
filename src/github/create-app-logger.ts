import pino from 'pino';
import type { DestinationStream, Level, Logger } from 'pino';

/**
 * Log paths that can hold a secret: authorization headers, installation
 * tokens, the app's private key, webhook signatures.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers["x-hub-signature"]',
  'req.headers["x-hub-signature-256"]',
  'headers.authorization',
  'request.headers.authorization',
  'err.request.headers.authorization',
  'err.response.headers.authorization',
  'token',
  '*.token',
  'privateKey',
  '*.privateKey',
  'secret',
  '*.secret',
  'webhookSecret',
];

export interface AppLoggerOptions {
  /** Default `info`. */
  level?: Level | 'silent';
  /** Where JSON lines go. Default: stdout. */
  destination?: DestinationStream;
}

/** The root logger of the serve and worker processes: JSON lines, secrets redacted. */
export function createAppLogger(options: AppLoggerOptions = {}): Logger {
  const settings = {
    level: options.level ?? 'info',
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
  };
  return options.destination
    ? pino(settings, options.destination)
    : pino(settings);
}
