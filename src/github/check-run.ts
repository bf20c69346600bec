import type { CheckConclusion } from './check-conclusion.js';
import type { CheckAnnotation } from './finding-annotations.js';
import { inBatches } from './finding-annotations.js';
import { fitMarkdown, MAX_CHECK_OUTPUT_LENGTH } from './fit-markdown.js';
import type { GitHubClient, RepoRef } from './github-client.js';

/** The check run's name on the pull request. */
export const CHECK_RUN_NAME = 'Scaling report';

/** What the finished check run shows. */
export interface CheckRunResult {
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  /** Longer markdown under the summary. */
  text?: string;
  annotations: CheckAnnotation[];
}

const OMITTED =
  '_Cut to fit the check run; the pull request comment has the rest._';

/** Shows the check as running on the head commit; returns its id. */
export async function startCheckRun(
  octokit: GitHubClient,
  repo: RepoRef,
  headSha: string,
): Promise<number> {
  const { data } = await octokit.rest.checks.create({
    owner: repo.owner,
    repo: repo.repo,
    name: CHECK_RUN_NAME,
    head_sha: headSha,
    status: 'in_progress',
    started_at: new Date().toISOString(),
  });
  return data.id;
}

/**
 * Completes the check run (or creates it completed when it could not be
 * started). GitHub takes 50 annotations per request: the first batch goes
 * with the result, the others follow in updates of the same run.
 */
export async function completeCheckRun(
  octokit: GitHubClient,
  repo: RepoRef,
  headSha: string,
  checkRunId: number | undefined,
  result: CheckRunResult,
): Promise<number> {
  const [first = [], ...rest] = inBatches(result.annotations);
  const output = {
    title: result.title,
    summary: fitMarkdown(result.summary, MAX_CHECK_OUTPUT_LENGTH, OMITTED),
    ...(result.text === undefined
      ? {}
      : { text: fitMarkdown(result.text, MAX_CHECK_OUTPUT_LENGTH, OMITTED) }),
  };
  const completion = {
    status: 'completed' as const,
    conclusion: result.conclusion,
    completed_at: new Date().toISOString(),
    output: { ...output, annotations: first },
  };

  const id =
    checkRunId === undefined
      ? (
          await octokit.rest.checks.create({
            owner: repo.owner,
            repo: repo.repo,
            name: CHECK_RUN_NAME,
            head_sha: headSha,
            ...completion,
          })
        ).data.id
      : (
          await octokit.rest.checks.update({
            owner: repo.owner,
            repo: repo.repo,
            check_run_id: checkRunId,
            ...completion,
          })
        ).data.id;

  for (const batch of rest) {
    await octokit.rest.checks.update({
      owner: repo.owner,
      repo: repo.repo,
      check_run_id: id,
      output: {
        title: output.title,
        summary: output.summary,
        annotations: batch,
      },
    });
  }
  return id;
}
