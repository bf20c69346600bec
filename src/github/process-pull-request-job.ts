import type { Logger } from 'pino';
import type { ScalingReportConfig } from '../config/scaling-report-config.js';
import { formatConfigProblem } from '../config/scaling-report-config.js';
import {
  COMMENT_MARKER,
  renderComment,
} from '../render/comment/render-comment.js';
import type { PullRequestJob } from '../runner/analysis-job.js';
import { jobLogBindings } from '../runner/analysis-job.js';
import type { AnalysisJobDeps } from './analysis-job-deps.js';
import { postNow } from './analysis-job-deps.js';
import type { PullRequestAnalysis } from './analyze-pull-request.js';
import { analyzePullRequest } from './analyze-pull-request.js';
import { blobLinks } from './blob-links.js';
import {
  analysisCheckResult,
  supersededCheckResult,
  unavailableCheckResult,
} from './check-run-result.js';
import type { CheckRunResult } from './check-run.js';
import { completeCheckRun, startCheckRun } from './check-run.js';
import { describeFailure } from './describe-failure.js';
import { MAX_COMMENT_LENGTH } from './fit-markdown.js';
import type { GitHubClient } from './github-client.js';
import { limitNotes } from './limit-notes.js';
import { InputTooLargeError } from '../source/tarball-tree.js';
import { loadRepoConfig } from './load-repo-config.js';
import type { StickyOutcome } from './sticky-comment.js';
import { publishStickyComment } from './sticky-comment.js';

/** What every step of one job shares. */
interface PullRequestRun {
  job: PullRequestJob;
  deps: AnalysisJobDeps;
  octokit: GitHubClient;
  log: Logger;
  config: ScalingReportConfig;
  /** Configuration problems, shown in the comment and the check run. */
  notes: string[];
  /** Undefined when the check run could not be started; it is then created at the end. */
  checkRunId: number | undefined;
}

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
  const run = await startRun(job, deps);

  let analysis: PullRequestAnalysis;
  try {
    analysis = await analyzePullRequest(
      run.octokit,
      job,
      run.config,
      deps,
      run.log,
    );
  } catch (error) {
    const decision = deps.onFailure?.(error);
    if (decision === 'retry') {
      throw error;
    }
    run.log.warn({ err: error }, 'pull request could not be analyzed');
    const reason = describeFailure(error, job.deliveryId);
    await finishCheckRun(run, unavailableCheckResult(reason, run.notes));
    if (error instanceof InputTooLargeError) {
      await publishNotAnalyzed(run, reason);
    }
    if (decision === 'fail') {
      throw error;
    }
    return;
  }

  const publish = deps.publish ?? postNow;
  if (!(await publish(() => publishResult(run, analysis, started)))) {
    run.log.info('result not posted: a newer head superseded it');
    await finishCheckRun(run, supersededCheckResult(job.headSha));
  }
}

/** The sticky comment and the check run, with one log line for both. */
async function publishResult(
  run: PullRequestRun,
  analysis: PullRequestAnalysis,
  started: number,
): Promise<void> {
  const { job, deps } = run;
  const body = renderComment(analysis.diff, {
    baseSha: analysis.baseSha,
    headSha: job.headSha,
    linkBase: blobLinks(job.repoUrl, analysis.baseSha, job.headSha),
    notes: [...run.notes, ...limitNotes(analysis.diff)],
    maxLength: deps.maxCommentLength ?? MAX_COMMENT_LENGTH,
  });
  const comment = await publishComment(run, body, analysis);
  const result = analysisCheckResult(analysis.diff, {
    failLevel: run.config.failLevel,
    baseSha: analysis.baseSha,
    headSha: job.headSha,
    notes: run.notes,
    details: body.replace(COMMENT_MARKER, '').trimStart(),
  });
  const checked = await finishCheckRun(run, result);

  const summary = {
    findings: analysis.diff.findings.length,
    baseSha: analysis.baseSha,
    comment,
    conclusion: result.conclusion,
    annotations: result.annotations.length,
    durationMs: Math.round(performance.now() - started),
  };
  if (comment === 'failed' && !checked) {
    run.log.error(summary, 'pull request analyzed but nothing could be posted');
  } else {
    run.log.info(summary, 'pull request analyzed');
  }
}

/** Authenticates, reads the configuration and shows the check as running. */
async function startRun(
  job: PullRequestJob,
  deps: AnalysisJobDeps,
): Promise<PullRequestRun> {
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

  const checkRunId = await startCheckRun(octokit, repo, job.headSha).catch(
    (error: unknown) => {
      log.warn({ err: error }, 'check run could not be started');
      return undefined;
    },
  );
  return {
    job,
    deps,
    octokit,
    log,
    config,
    notes: problems.map(formatConfigProblem),
    checkRunId,
  };
}

async function publishComment(
  run: PullRequestRun,
  body: string,
  analysis: PullRequestAnalysis,
): Promise<StickyOutcome | 'failed'> {
  const { job, octokit } = run;
  try {
    return await publishStickyComment(
      octokit,
      { owner: job.owner, repo: job.repo },
      {
        issueNumber: job.pullNumber,
        body,
        marker: COMMENT_MARKER,
        botLogin: await run.deps.appLogin(),
        mode: run.config.comment.mode,
        createIfMissing: analysis.diff.findings.length > 0,
      },
    );
  } catch (error) {
    run.log.error({ err: error }, 'pull request comment could not be posted');
    return 'failed';
  }
}

/**
 * A repository past an archive cap gets a comment saying so (once: the
 * same body is not posted again), so the reader sees it without opening
 * the check run, and an earlier report is not left standing as current.
 */
async function publishNotAnalyzed(
  run: PullRequestRun,
  reason: string,
): Promise<void> {
  const { job, octokit } = run;
  try {
    await publishStickyComment(
      octokit,
      { owner: job.owner, repo: job.repo },
      {
        issueNumber: job.pullNumber,
        body: `${COMMENT_MARKER}\n**Scaling report**: not analyzed. ${reason}\n`,
        marker: COMMENT_MARKER,
        botLogin: await run.deps.appLogin(),
        mode: run.config.comment.mode,
        createIfMissing: true,
      },
    );
  } catch (error) {
    run.log.error({ err: error }, 'pull request comment could not be posted');
  }
}

async function finishCheckRun(
  run: PullRequestRun,
  result: CheckRunResult,
): Promise<boolean> {
  const { job, octokit, checkRunId } = run;
  try {
    const repo = { owner: job.owner, repo: job.repo };
    await completeCheckRun(octokit, repo, job.headSha, checkRunId, result);
    return true;
  } catch (error) {
    run.log.error(
      { err: error, checkRunId },
      'check run could not be completed',
    );
    return false;
  }
}
