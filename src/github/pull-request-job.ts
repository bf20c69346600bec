import type { Context } from 'probot';
import type { PullRequestJob } from '../runner/analysis-job.js';

/** The pull request events that can change what the comment should say. */
export const PULL_REQUEST_EVENTS = [
  'pull_request.opened',
  'pull_request.synchronize',
  'pull_request.reopened',
  'pull_request.ready_for_review',
] as const;

export type PullRequestEvent = (typeof PULL_REQUEST_EVENTS)[number];

/** Why an event gets no job, for the log. */
export type Skip = { skip: string };

/**
 * The job for a push to a pull request. Drafts wait for `ready_for_review`;
 * closed pull requests are left alone.
 */
export function pullRequestJob(
  context: Context<PullRequestEvent>,
): PullRequestJob | Skip {
  const { pull_request: pull, repository, installation } = context.payload;
  if (!installation) {
    return { skip: 'no installation in the payload' };
  }
  if (pull.draft) {
    return { skip: 'draft pull request' };
  }
  if (pull.state !== 'open') {
    return { skip: 'pull request is not open' };
  }
  return {
    kind: 'pr',
    deliveryId: context.id,
    installationId: installation.id,
    owner: repository.owner.login,
    repo: repository.name,
    pullNumber: pull.number,
    defaultBranch: repository.default_branch,
    repoUrl: repository.html_url,
    headSha: pull.head.sha,
    baseRef: pull.base.ref,
  };
}

/**
 * The job for "Re-run" on our check run. GitHub lists the pull requests of
 * the head commit; for a fork's pull request the list is empty and there is
 * nothing to attach a comment to.
 */
export function rerequestJob(
  context: Context<'check_run.rerequested'>,
  checkRunName: string,
): PullRequestJob | Skip {
  const { check_run: run, repository, installation } = context.payload;
  const pull = run.pull_requests[0];
  if (run.name !== checkRunName) {
    return { skip: 'another check run' };
  }
  if (!installation || !pull) {
    return { skip: 'no pull request for the check run' };
  }
  return {
    kind: 'rerequest',
    deliveryId: context.id,
    installationId: installation.id,
    owner: repository.owner.login,
    repo: repository.name,
    pullNumber: pull.number,
    defaultBranch: repository.default_branch,
    repoUrl: repository.html_url,
    headSha: run.head_sha,
    baseRef: pull.base.ref,
  };
}
