import type { Logger } from 'pino';
import { formatConfigProblem } from '../config/scaling-report-config.js';
import { renderComment } from '../render/comment/render-comment.js';
import { COMMENT_MARKER } from '../render/comment/render-comment.js';
import type { PullRequestJob } from '../runner/analysis-job.js';
import { jobLogBindings } from '../runner/analysis-job.js';
import type { AnalysisJobDeps } from './analysis-job-deps.js';
import type { PullRequestAnalysis } from './analyze-pull-request.js';
import { analyzePullRequest } from './analyze-pull-request.js';
import {
  analysisCheckResult,
  unavailableCheckResult,
} from './check-run-result.js';
import type { CheckRunResult } from './check-run.js';
import { completeCheckRun, startCheckRun } from './check-run.js';
import { describeFailure } from './describe-failure.js';
import { MAX_COMMENT_LENGTH } from './fit-markdown.js';
import type { GitHubClient } from './github-client.js';
import { loadRepoConfig } from './load-repo-config.js';
import type { StickyOutcome } from './sticky-comment.js';
import { publishStickyComment } from './sticky-comment.js';

/**
 * A push to a pull request, or a re-run of its check: analyze the merge
 * base and the head, keep the sticky comment current and complete the
 * check run. A failure to post one never stops the other.
 */
export async function processPullRequestJob(
  job: PullRequestJob,
  deps: AnalysisJobDeps,
): Promise<void> {
  const started = performance.now();
  const log = deps.log.child(jobLogBindings(job));
  const repo = { owner: job.owner, repo: job.repo };
  const octokit = await deps.auth(job.installationId);

  const { config, problems } = await loadRepoConfig(
    octokit,
    repo,
    job.defaultBranch,
  );
  if (problems.length > 0) {
    log.warn(
      { problems },
      'configuration problems; defaults used for those settings',
    );
  }
  const notes = problems.map(formatConfigProblem);
  const checkRunId = await startCheckRun(octokit, repo, job.headSha).catch(
    (error: unknown) => {
      log.warn({ err: error }, 'check run could not be started');
      return undefined;
    },
  );

  let analysis: PullRequestAnalysis;
  try {
    analysis = await analyzePullRequest(octokit, job, config, deps, log);
  } catch (error) {
    log.warn({ err: error }, 'pull request could not be analyzed');
    const result = unavailableCheckResult(
      describeFailure(error, job.deliveryId),
      notes,
    );
    await finishCheckRun(octokit, job, checkRunId, result, log);
    return;
  }

  const body = renderComment(analysis.diff, {
    baseSha: analysis.baseSha,
    headSha: job.headSha,
    linkBase: {
      base: `${job.repoUrl}/blob/${analysis.baseSha}`,
      head: `${job.repoUrl}/blob/${job.headSha}`,
    },
    notes,
    maxLength: deps.maxCommentLength ?? MAX_COMMENT_LENGTH,
  });
  const comment = await publishComment(
    octokit,
    job,
    body,
    config.comment.mode,
    analysis,
    deps,
    log,
  );
  const result = analysisCheckResult(analysis.diff, {
    failLevel: config.failLevel,
    baseSha: analysis.baseSha,
    headSha: job.headSha,
    notes,
    details: body.replace(COMMENT_MARKER, '').trimStart(),
  });
  const checked = await finishCheckRun(octokit, job, checkRunId, result, log);

  const level = comment === 'failed' && !checked ? 'error' : 'info';
  log[level](
    {
      findings: analysis.diff.findings.length,
      baseSha: analysis.baseSha,
      comment,
      conclusion: result.conclusion,
      annotations: result.annotations.length,
      durationMs: Math.round(performance.now() - started),
    },
    'pull request analyzed',
  );
}

async function publishComment(
  octokit: GitHubClient,
  job: PullRequestJob,
  body: string,
  mode: 'update' | 'recreate',
  analysis: PullRequestAnalysis,
  deps: AnalysisJobDeps,
  log: Logger,
): Promise<StickyOutcome | 'failed'> {
  try {
    return await publishStickyComment(
      octokit,
      { owner: job.owner, repo: job.repo },
      {
        issueNumber: job.pullNumber,
        body,
        marker: COMMENT_MARKER,
        botLogin: await deps.appLogin(),
        mode,
        createIfMissing: analysis.diff.findings.length > 0,
      },
    );
  } catch (error) {
    log.error({ err: error }, 'pull request comment could not be posted');
    return 'failed';
  }
}

async function finishCheckRun(
  octokit: GitHubClient,
  job: PullRequestJob,
  checkRunId: number | undefined,
  result: CheckRunResult,
  log: Logger,
): Promise<boolean> {
  try {
    await completeCheckRun(
      octokit,
      { owner: job.owner, repo: job.repo },
      job.headSha,
      checkRunId,
      result,
    );
    return true;
  } catch (error) {
    log.error({ err: error, checkRunId }, 'check run could not be completed');
    return false;
  }
}
