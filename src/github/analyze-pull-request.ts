import type { Logger } from 'pino';
import { createPathFilter } from '../config/path-filter.js';
import type { ScalingReportConfig } from '../config/scaling-report-config.js';
import { diffArchitectures } from '../diff/diff-architectures.js';
import type { DiffResult } from '../diff/types.js';
import type { ArchitectureModel } from '../model/types.js';
import { analyzeTree } from '../pipeline/analyze-tree.js';
import type { AnalysisJobDeps } from './analysis-job-deps.js';
import { fetchTarballTree } from './fetch-tarball-tree.js';
import { findMergeBase } from './find-merge-base.js';
import type { GitHubClient, RepoRef } from './github-client.js';

/** The pull request's diff, with the commits it compared. */
export interface PullRequestAnalysis {
  diff: DiffResult;
  baseSha: string;
  headSha: string;
}

/**
 * Analyzes the merge base and the head, one after the other so only one
 * archive is held in memory at a time, then diffs them with the
 * repository's rule settings.
 */
export async function analyzePullRequest(
  octokit: GitHubClient,
  target: RepoRef & { baseRef: string; headSha: string },
  config: ScalingReportConfig,
  deps: AnalysisJobDeps,
  log: Logger,
): Promise<PullRequestAnalysis> {
  const repo = { owner: target.owner, repo: target.repo };
  const baseSha = await findMergeBase(
    octokit,
    repo,
    target.baseRef,
    target.headSha,
  );

  const baseModel = await analyzeCommit(
    octokit,
    repo,
    baseSha,
    config,
    deps,
    log,
  );
  const headModel = await analyzeCommit(
    octokit,
    repo,
    target.headSha,
    config,
    deps,
    log,
  );

  const diff = diffArchitectures(baseModel, headModel, { rules: config.rules });
  return { diff, baseSha, headSha: target.headSha };
}

/** Downloads one commit and runs the pipeline on it, honouring `paths`. */
export async function analyzeCommit(
  octokit: GitHubClient,
  repo: RepoRef,
  sha: string,
  config: ScalingReportConfig,
  deps: AnalysisJobDeps,
  log: Logger,
): Promise<ArchitectureModel> {
  const includePath = createPathFilter(config.paths);
  const tree = await fetchTarballTree(octokit, repo, sha, deps.limits);
  const model = await analyzeTree(tree, {
    log: log.child({ sha }),
    includePath,
    cache: deps.cache,
    graphs: deps.graphs,
    models: deps.models,
    budget: deps.budget,
  });

  // Files the archive reader left out never reach the pipeline; report them with its own.
  const skipped = [
    ...model.stats.skipped,
    ...tree.skipped.filter((s) => includePath(s.file)),
  ];
  model.stats.skipped = skipped.sort((a, b) => a.file.localeCompare(b.file));
  return model;
}
