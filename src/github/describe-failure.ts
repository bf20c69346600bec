import { InputTooLargeError } from '../source/tarball-tree.js';
import { TARBALL_LIMIT_ENV } from './limits-from-env.js';
import { statusOf } from './github-client.js';

/**
 * A sentence for the reader saying why nothing was analyzed. Error messages
 * are not repeated verbatim: a failed archive download can carry a signed
 * URL in its message.
 */
export function describeFailure(error: unknown, deliveryId: string): string {
  const logs = `The app's logs have the details under delivery \`${deliveryId}\`.`;
  if (error instanceof InputTooLargeError) {
    return (
      `The repository is larger than this installation's limit \`${error.limit}\` ` +
      `(${error.max}), so it was not analyzed. ` +
      `The app's operator can raise it with \`${TARBALL_LIMIT_ENV[error.limit]}\`.`
    );
  }
  if (isTimeout(error)) {
    return (
      'The analysis could not run: GitHub did not send the repository archive in time. ' +
      `Re-run the check to try again. ${logs}`
    );
  }
  const status = statusOf(error);
  if (status !== undefined) {
    const meaning = meaningOf(status);
    return `The analysis could not run: GitHub answered HTTP ${status}${meaning}. ${logs}`;
  }
  return `The analysis could not run because of an internal error. ${logs}`;
}

/** What an HTTP status from GitHub means for the reader, as a clause. */
function meaningOf(status: number): string {
  if (status === 403 || status === 429) {
    return ' (a rate limit, or a permission the app lacks); re-run the check later';
  }
  if (status === 404 || status === 410) {
    return ' (the repository, commit or installation is gone, or the app lost access to it)';
  }
  if (status === 422) {
    return ' (GitHub refused the request as invalid)';
  }
  if (status >= 500) {
    return " (an error on GitHub's side, retried without success); re-run the check later";
  }
  return '';
}

/** An aborted or timed-out request, directly or as the cause Octokit wraps. */
function isTimeout(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; depth++) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError') {
      return true;
    }
    e = e.cause;
  }
  return false;
}
