import { InputTooLargeError } from '../../src/source/tarball-tree.js';
import {
  RetryLaterError,
  isTransientFailure,
} from '../../src/runner/retry-policy.js';

/** Shaped as Octokit's `RequestError`: `status` and the response's headers. */
function githubError(
  status: number,
  message = 'error',
  headers: Record<string, string> = {},
) {
  return Object.assign(new Error(message), {
    name: 'HttpError',
    status,
    response: { status, url: 'https://api.github.com/x', headers, data: {} },
  });
}

describe('isTransientFailure', () => {
  it.each([
    ['a 502 from GitHub', githubError(502), true],
    ['a 503 from GitHub', githubError(503), true],
    ['a 429', githubError(429), true],
    [
      'a secondary rate limit (403 naming it)',
      githubError(403, 'You have exceeded a secondary rate limit'),
      true,
    ],
    [
      'a 403 asking to retry after a while',
      githubError(403, 'Forbidden', { 'retry-after': '60' }),
      true,
    ],
    [
      'a 403 with no quota left',
      githubError(403, 'Forbidden', { 'x-ratelimit-remaining': '0' }),
      true,
    ],
    [
      'a dropped connection',
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      true,
    ],
    [
      'a fetch failure caused by a refused connection',
      new Error('fetch failed', {
        cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
      }),
      true,
    ],
    ['a busy lock', new RetryLaterError('lock taken'), true],
    ['a 404 for a deleted branch', githubError(404, 'Not Found'), false],
    ['a 422', githubError(422), false],
    [
      'a plain 403 (no permission)',
      githubError(403, 'Resource not accessible by integration'),
      false,
    ],
    [
      'an archive over its limit',
      new InputTooLargeError('maxFiles', 10),
      false,
    ],
    ['a bug', new TypeError('x is undefined'), false],
  ])('%s: %s', (_label, error, transient) => {
    expect(isTransientFailure(error)).toBe(transient);
  });
});
