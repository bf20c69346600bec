import { readFileSync } from 'node:fs';
import type { Context } from 'probot';

/** Payload types as Probot hands them to handlers. */
export type PullRequestPayload = Context<'pull_request.opened'>['payload'];
export type CommentPayload = Context<'issue_comment.created'>['payload'];
export type CheckRunPayload = Context<'check_run.rerequested'>['payload'];

export type PullRequestAction =
  'opened' | 'synchronize' | 'reopened' | 'ready_for_review';

const FIXTURES = new URL('../../fixtures/github/', import.meta.url);

/** A fresh copy of a payload from `test/fixtures/github`. */
export function loadPayload<T>(name: string): T {
  return JSON.parse(
    readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8'),
  ) as T;
}

/** A `pull_request` payload whose head is `headSha`. */
export function pullRequestPayload(
  action: PullRequestAction,
  changes: { headSha?: string; draft?: boolean } = {},
): PullRequestPayload {
  const payload = loadPayload<PullRequestPayload & { after?: string }>(
    `pull_request.${action}`,
  );
  if (changes.headSha !== undefined) {
    payload.pull_request.head.sha = changes.headSha;
    if (action === 'synchronize') {
      payload.after = changes.headSha;
    }
  }
  if (changes.draft !== undefined) {
    payload.pull_request.draft = changes.draft;
  }
  return payload;
}

/** An `issue_comment` payload with `body`, written by `author` (default a human). */
export function commentPayload(
  body: string,
  author: { login: string; type: 'User' | 'Bot' } = {
    login: 'bob-reviewer',
    type: 'User',
  },
  action: 'created' | 'edited' = 'created',
): CommentPayload {
  const payload = loadPayload<CommentPayload>(`issue_comment.${action}`);
  payload.comment.body = body;
  if (payload.comment.user) {
    payload.comment.user.login = author.login;
    payload.comment.user.type = author.type;
  }
  payload.sender.login = author.login;
  payload.sender.type = author.type;
  return payload;
}
