import type { ProbotOctokit } from 'probot';

/** An Octokit authenticated as one installation (or as the app), as Probot builds it. */
export type GitHubClient = InstanceType<typeof ProbotOctokit>;

/** The repository a job works on. */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** The HTTP status of an Octokit request error, when it has one. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = error.status;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}
