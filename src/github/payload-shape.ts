/**
 * Checks that a webhook payload has the fields the handlers read, with the
 * right types. GitHub sends well-formed payloads; anything else (a changed
 * schema, a hand-made delivery that passed the signature check) is dropped
 * with a warning instead of throwing inside a handler.
 */
export function isWellFormedPayload(event: string, payload: unknown): boolean {
  if (!isRepository(field(payload, 'repository'))) {
    return false;
  }
  const installation = field(payload, 'installation');
  if (
    installation !== undefined &&
    typeof field(installation, 'id') !== 'number'
  ) {
    return false;
  }
  switch (event) {
    case 'pull_request':
      return isPullRequest(field(payload, 'pull_request'));
    case 'check_run':
      return isCheckRun(field(payload, 'check_run'));
    case 'issue_comment':
      return isComment(payload);
    default:
      return false;
  }
}

function isRepository(repository: unknown): boolean {
  return (
    ['name', 'full_name', 'default_branch', 'html_url'].every(
      (key) => typeof field(repository, key) === 'string',
    ) && typeof field(field(repository, 'owner'), 'login') === 'string'
  );
}

function isPullRequest(pull: unknown): boolean {
  return (
    typeof field(pull, 'number') === 'number' &&
    typeof field(pull, 'state') === 'string' &&
    typeof field(field(pull, 'head'), 'sha') === 'string' &&
    typeof field(field(pull, 'base'), 'ref') === 'string'
  );
}

function isCheckRun(run: unknown): boolean {
  const pulls = field(run, 'pull_requests');
  return (
    typeof field(run, 'name') === 'string' &&
    typeof field(run, 'head_sha') === 'string' &&
    Array.isArray(pulls) &&
    pulls.every(
      (pull) =>
        typeof field(pull, 'number') === 'number' &&
        typeof field(field(pull, 'base'), 'ref') === 'string',
    )
  );
}

function isComment(payload: unknown): boolean {
  const comment = field(payload, 'comment');
  const user = field(comment, 'user');
  return (
    typeof field(field(payload, 'issue'), 'number') === 'number' &&
    typeof field(comment, 'id') === 'number' &&
    typeof field(comment, 'body') === 'string' &&
    (user === null ||
      user === undefined ||
      typeof field(user, 'login') === 'string') &&
    typeof field(field(payload, 'sender'), 'login') === 'string'
  );
}

/** An own property of an object, or undefined for anything else. */
function field(value: unknown, key: string): unknown {
  if (
    typeof value !== 'object' ||
    value === null ||
    !Object.hasOwn(value, key)
  ) {
    return undefined;
  }
  return (value as Record<string, unknown>)[key];
}
