import type { Logger } from 'pino';
import type { ParsedConfig } from '../config/parse-config.js';
import { formatConfigProblem } from '../config/scaling-report-config.js';
import {
  COMMENT_MARKER,
  renderComment,
} from '../render/comment/render-comment.js';
import { renderReport } from '../render/report/render-report.js';
import type { CommandJob } from '../runner/analysis-job.js';
import { jobLogBindings } from '../runner/analysis-job.js';
import type { AnalysisJobDeps } from './analysis-job-deps.js';
import { postNow } from './analysis-job-deps.js';
import { analyzeCommit, analyzePullRequest } from './analyze-pull-request.js';
import { blobLinks } from './blob-links.js';
import { failureReply, reportHeading } from './command-replies.js';
import { describeFailure } from './describe-failure.js';
import { fitMarkdown, MAX_COMMENT_LENGTH } from './fit-markdown.js';
import type { GitHubClient, RepoRef } from './github-client.js';
import { limitNotes, sideNotes } from './limit-notes.js';
import { loadRepoConfig } from './load-repo-config.js';

const CUT_NOTE =
  '_The report was cut to fit a GitHub comment. ' +
  '`scaling-report analyze` on a checkout prints all of it._';

/** The pull request a command was typed in, read when the job runs (it may have moved on). */
interface CommandTarget extends RepoRef {
  headSha: string;
  baseRef: string;
}

/**
 * Answers `/scaling-report` with the full report of the head, or
 * `/scaling-report diff` with the pull request's diff, as a new reply. The
 * reply never carries the sticky comment's marker, so it is never edited
 * by later pushes.
 */
export async function processCommandJob(
  job: CommandJob,
  deps: AnalysisJobDeps,
): Promise<void> {
  const started = performance.now();
  const repo = { owner: job.owner, repo: job.repo };
  const octokit = await deps.auth(job.installationId);
  let log = deps.log.child(jobLogBindings(job));

  let body: string;
  let failure: { error: unknown } | undefined;
  try {
    const { data: pull } = await octokit.rest.pulls.get({
      ...repo,
      pull_number: job.pullNumber,
    });
    const target = { ...repo, headSha: pull.head.sha, baseRef: pull.base.ref };
    log = log.child({ headSha: target.headSha });
    const config = await loadRepoConfig(octokit, repo, job.defaultBranch);
    body =
      job.kind === 'command-report'
        ? await reportReply(octokit, job, target, config, deps, log)
        : await diffReply(octokit, job, target, config, deps, log);
  } catch (error) {
    const decision = deps.onFailure?.(error);
    if (decision === 'retry') {
      throw error;
    }
    failure = decision === 'fail' ? { error } : undefined;
    log.warn({ err: error }, 'command could not be answered with a result');
    body = failureReply(
      job.requestedBy,
      describeFailure(error, job.deliveryId),
    );
  }

  const publish = deps.publish ?? postNow;
  const posted = await publish(async () => {
    await octokit.rest.issues.createComment({
      ...repo,
      issue_number: job.pullNumber,
      body,
    });
  });
  if (!posted) {
    log.info('command answer not posted: the job was aborted');
    return;
  }
  if (failure) {
    throw failure.error;
  }
  log.info(
    { command: job.kind, durationMs: Math.round(performance.now() - started) },
    'command answered',
  );
}

async function reportReply(
  octokit: GitHubClient,
  job: CommandJob,
  target: CommandTarget,
  { config, problems }: ParsedConfig,
  deps: AnalysisJobDeps,
  log: Logger,
): Promise<string> {
  const model = await analyzeCommit(
    octokit,
    target,
    target.headSha,
    config,
    deps,
    log,
  );
  const report = renderReport(model, {
    linkBase: `${job.repoUrl}/blob/${target.headSha}`,
  });
  const notes = problems.map((problem) => `- ${formatConfigProblem(problem)}`);
  const limits = sideNotes('head', model).map((note) => `- ${note}`);
  const parts = [
    reportHeading(job.requestedBy, target.headSha),
    ...(notes.length > 0 ? [`**Configuration**\n\n${notes.join('\n')}`] : []),
    ...(limits.length > 0 ? [`**Limits**\n\n${limits.join('\n')}`] : []),
    report,
  ];
  return fitMarkdown(
    parts.join('\n\n'),
    deps.maxCommentLength ?? MAX_COMMENT_LENGTH,
    CUT_NOTE,
  );
}

async function diffReply(
  octokit: GitHubClient,
  job: CommandJob,
  target: CommandTarget,
  { config, problems }: ParsedConfig,
  deps: AnalysisJobDeps,
  log: Logger,
): Promise<string> {
  const analysis = await analyzePullRequest(octokit, target, config, deps, log);
  const heading = `Diff requested by @${job.requestedBy}.`;
  const max =
    (deps.maxCommentLength ?? MAX_COMMENT_LENGTH) - heading.length - 2;
  const body = renderComment(analysis.diff, {
    baseSha: analysis.baseSha,
    headSha: target.headSha,
    linkBase: blobLinks(job.repoUrl, analysis.baseSha, target.headSha),
    notes: [...problems.map(formatConfigProblem), ...limitNotes(analysis.diff)],
    maxLength: max,
  });
  return `${heading}\n\n${body.replace(COMMENT_MARKER, '').trimStart()}`;
}
