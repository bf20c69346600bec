import type { Logger } from 'pino';
import type { Probot } from 'probot';
import type { FactCache } from '../facts/fact-cache.js';
import { MemoryFactCache } from '../facts/fact-cache.js';
import type { AnalysisBudget } from '../pipeline/analysis-budget.js';
import { ImportGraphMemo } from '../pipeline/import-graph.js';
import { ModelMemo } from '../pipeline/model-memo.js';
import type { TarballLimits } from '../source/tarball-tree.js';
import { createAppLoginResolver } from './app-login.js';
import type { GitHubClient } from './github-client.js';

/** What a job needs from its surroundings; a worker process builds the same. */
export interface AnalysisJobDeps {
  /** An Octokit authenticated as the installation. */
  auth(installationId: number): Promise<GitHubClient>;
  /** `<slug>[bot]`, the login the app's comments carry. */
  appLogin(): Promise<string>;
  /** Root logger; each job logs through a child bound to its delivery. */
  log: Logger;
  /** Archive caps. Default: `DEFAULT_TARBALL_LIMITS`. */
  limits?: Partial<TarballLimits>;
  /** Wall-time and heap budget of one analysis. Default: `defaultAnalysisBudget()`. */
  budget?: Partial<AnalysisBudget>;
  /** Per-file facts shared between base, head and later jobs. Default: none. */
  cache?: FactCache;
  /** Import edges shared by trees of one shape, in this process. Default: none. */
  graphs?: ImportGraphMemo;
  /**
   * Models of trees analyzed before in this process, by content: a merge
   * base shared by several pull requests is analyzed once. Default: none.
   */
  models?: ModelMemo;
  /** Longest comment posted, in characters. Default 65,536 (GitHub's limit). */
  maxCommentLength?: number;
  /**
   * Set by a queue worker for each attempt: runs `post` only while the job is
   * still its pull request's newest, and resolves to false when it did not.
   * Default: posts at once.
   */
  publish?: (post: () => Promise<void>) => Promise<boolean>;
  /**
   * Set by a queue worker for each attempt, for a failed analysis: `retry`
   * throws it before anything is reported, for a retry with backoff; `fail`
   * reports it, then throws it so the queue records the job as failed.
   * Default: reported, and the job ends normally.
   */
  onFailure?: (error: unknown) => 'retry' | 'fail';
}

export interface JobDepsOptions {
  /** The app's slug; when absent it is read once from `GET /app`. */
  appSlug?: string;
  limits?: Partial<TarballLimits>;
  budget?: Partial<AnalysisBudget>;
  /** Files whose facts are kept in memory between jobs. Default 20,000. */
  cacheEntries?: number;
  /**
   * The fact cache every job of the process shares (Redis-backed with a
   * queue). Default: in memory.
   */
  cache?: FactCache;
  log?: Logger;
}

/** What {@link AnalysisJobDeps.publish} does when no worker set it: posts at once. */
export async function postNow(post: () => Promise<void>): Promise<boolean> {
  await post();
  return true;
}

/** Job dependencies backed by a Probot instance (the web process or a worker). */
export function jobDepsFromProbot(
  app: Probot,
  options: JobDepsOptions = {},
): AnalysisJobDeps {
  return {
    auth: (installationId) => app.auth(installationId),
    appLogin: createAppLoginResolver(options.appSlug, () => app.auth()),
    log: options.log ?? app.log,
    limits: options.limits,
    budget: options.budget,
    cache: options.cache ?? new MemoryFactCache(options.cacheEntries),
    graphs: new ImportGraphMemo(),
    models: new ModelMemo(),
  };
}
