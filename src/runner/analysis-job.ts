/**
 * What one webhook asks for, as plain JSON: it can cross a process boundary
 * (a Redis-backed queue) and be handled by a worker that never saw the
 * webhook.
 */
export type AnalysisJob = PullRequestJob | CommandJob;

export type AnalysisJobKind = AnalysisJob['kind'];

interface AnalysisJobBase {
  /** The webhook delivery that asked for the job (`X-GitHub-Delivery`). */
  deliveryId: string;
  installationId: number;
  owner: string;
  repo: string;
  pullNumber: number;
  /** Branch the repository's `.github/scaling-report.yml` is read from. */
  defaultBranch: string;
  /** Web address of the repository (github.com or the Enterprise host), for links. */
  repoUrl: string;
}

/** Analyze a pull request: on a push (`pr`) or when a user re-runs the check. */
export interface PullRequestJob extends AnalysisJobBase {
  kind: 'pr' | 'rerequest';
  headSha: string;
  /** The branch the pull request merges into; the merge base is found from it. */
  baseRef: string;
}

/** `/scaling-report` (full report) or `/scaling-report diff`, typed in a pull request. */
export interface CommandJob extends AnalysisJobBase {
  kind: 'command-report' | 'command-diff';
  /** The comment holding the command. */
  commentId: number;
  requestedBy: string;
}

/**
 * Equal for two jobs that would do the same work, so a redelivered webhook
 * is dropped: repository + pull request + head SHA for a push, + delivery for
 * a re-run someone asked for, the comment for a command.
 */
export function analysisJobId(job: AnalysisJob): string {
  const pull = `${job.owner}/${job.repo}/${job.pullNumber}`;
  switch (job.kind) {
    case 'pr':
      return `pr/${pull}/${job.headSha}`;
    case 'rerequest':
      return `rerequest/${pull}/${job.headSha}/${job.deliveryId}`;
    case 'command-report':
    case 'command-diff':
      return `command/${pull}/${job.commentId}`;
  }
}

/** Jobs with the same key touch the same comment and must not run at once. */
export function pullRequestKey(job: AnalysisJob): string {
  return `${job.owner}/${job.repo}#${job.pullNumber}`;
}

/** The bindings of a job's child logger. */
export function jobLogBindings(
  job: AnalysisJob,
): Record<string, string | number> {
  return {
    deliveryId: job.deliveryId,
    repo: `${job.owner}/${job.repo}`,
    pr: job.pullNumber,
    ...('headSha' in job ? { headSha: job.headSha } : {}),
  };
}
