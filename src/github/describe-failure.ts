import { InputTooLargeError } from '../source/tarball-tree.js';
import { TARBALL_LIMIT_ENV } from './limits-from-env.js';
import { statusOf } from './github-client.js';

/**
 * A sentence for the reader saying why nothing was analyzed. Error messages
 * are not repeated verbatim: a failed archive download can carry a signed
 * URL in its message.
 */
export function describeFailure(error: unknown, deliveryId: string): string {
  if (error instanceof InputTooLargeError) {
    return (
      `The repository is larger than this installation's limit \`${error.limit}\` ` +
      `(${error.max}), so it was not analyzed. ` +
      `The app's operator can raise it with \`${TARBALL_LIMIT_ENV[error.limit]}\`.`
    );
  }
  const status = statusOf(error);
  if (status !== undefined) {
    return (
      `The analysis could not run: GitHub answered HTTP ${status}. ` +
      `The app's logs have the details under delivery \`${deliveryId}\`.`
    );
  }
  return (
    'The analysis could not run because of an internal error. ' +
    `The app's logs have the details under delivery \`${deliveryId}\`.`
  );
}
