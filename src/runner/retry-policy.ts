import { statusOf } from '../github/github-client.js';

/** Network failures worth another attempt: the next one may well reach GitHub. */
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
]);

/** A failure the code raising it knows to be passing, such as a busy lock. */
export class RetryLaterError extends Error {
  readonly code = 'retry-later';

  constructor(message: string) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

/**
 * Whether a failure may pass if the job runs again later: GitHub's 5xx
 * answers, rate limits (429, and a 403 that names a rate limit or asks to
 * retry after a while) and dropped connections. Anything else (a 404 for a
 * deleted branch, a 422, an archive over its limit, a bug) fails the same
 * way every time, so it is not retried.
 */
export function isTransientFailure(error: unknown): boolean {
  if (error instanceof RetryLaterError) {
    return true;
  }
  const status = statusOf(error);
  if (status !== undefined) {
    return status >= 500 || status === 429 || isRateLimited(status, error);
  }
  return TRANSIENT_CODES.has(codeOf(error) ?? codeOf(causeOf(error)) ?? '');
}

function isRateLimited(status: number, error: unknown): boolean {
  if (status !== 403) {
    return false;
  }
  const message = error instanceof Error ? error.message : '';
  const headers = responseHeaders(error);
  return (
    /rate limit/i.test(message) ||
    headers['retry-after'] !== undefined ||
    headers['x-ratelimit-remaining'] === '0'
  );
}

function responseHeaders(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null || !('response' in error)) {
    return {};
  }
  const response = error.response;
  if (typeof response !== 'object' || response === null) {
    return {};
  }
  const headers = 'headers' in response ? response.headers : undefined;
  return typeof headers === 'object' && headers !== null
    ? (headers as Record<string, unknown>)
    : {};
}

function codeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return typeof error.code === 'string' ? error.code : undefined;
  }
  return undefined;
}

function causeOf(error: unknown): unknown {
  return error instanceof Error ? error.cause : undefined;
}
