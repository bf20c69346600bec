import pino from 'pino';
import type { DestinationStream, Level, Logger } from 'pino';

/**
 * Log paths that can hold a secret: authorization headers and cookies,
 * installation tokens, the app's private key and client secret, the webhook
 * secret and signatures, and the final address of an archive download
 * (GitHub redirects to a URL with a one-time `token`).
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-hub-signature"]',
  'req.headers["x-hub-signature-256"]',
  'headers.authorization',
  'request.headers.authorization',
  'response.url',
  'err.request.headers.authorization',
  'err.response.headers.authorization',
  'err.response.url',
  'token',
  '*.token',
  'auth.token',
  'privateKey',
  '*.privateKey',
  'clientSecret',
  '*.clientSecret',
  'secret',
  '*.secret',
  'webhookSecret',
  '*.webhookSecret',
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
