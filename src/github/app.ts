import type { Logger } from 'pino';
import type { Probot } from 'probot';
import type { AnalysisJob } from '../runner/analysis-job.js';
import type { FactCache } from '../facts/fact-cache.js';
import type { AnalysisRunner } from '../runner/analysis-runner.js';
import type { JobObserver } from '../runner/job-attempt.js';
import { InProcessRunner } from '../runner/in-process-runner.js';
import { RecentIds } from '../runner/recent-ids.js';
import type { AnalysisBudget } from '../pipeline/analysis-budget.js';
import type { TarballLimits } from '../source/tarball-tree.js';
import { jobDepsFromProbot } from './analysis-job-deps.js';
import { CHECK_RUN_NAME } from './check-run.js';
import type { CommandCooldownOptions } from './command-cooldown.js';
import { CommandCooldown } from './command-cooldown.js';
import { handleCommandComment } from './handle-command-comment.js';
import { isWellFormedPayload } from './payload-shape.js';
import { processAnalysisJob } from './process-analysis-job.js';
import type { Skip } from './pull-request-job.js';
import {
  PULL_REQUEST_EVENTS,
  pullRequestJob,
  rerequestJob,
} from './pull-request-job.js';

export interface ScalingReportAppOptions {
  /** Where analysis jobs go. Default: an in-process runner. */
  runner?: AnalysisRunner;
  /** The app's slug; when absent it is read once from `GET /app`. */
  appSlug?: string;
  /** Archive caps for the default runner's jobs. Default: `DEFAULT_TARBALL_LIMITS`. */
  limits?: Partial<TarballLimits>;
  /** Wall-time and heap budget of each analysis. Default: `defaultAnalysisBudget()`. */
  budget?: Partial<AnalysisBudget>;
  /** Jobs the default runner runs at once. Default 2. */
  concurrency?: number;
  /** Limits on `/scaling-report` per pull request. Default: see `CommandCooldownOptions`. */
  commandCooldown?: CommandCooldownOptions;
  /** Per-file facts shared by every job of the default runner. Default: in memory. */
  cache?: FactCache;
  /** Told how each job of the default runner ended (metrics). */
  observer?: JobObserver;
}

/**
 * The Probot app: each webhook is turned into a job within milliseconds and
 * handed to the runner; the analysis never runs inside the request. A
 * delivery seen before (GitHub redelivers on timeouts) is dropped. Returns
 * the runner so the caller can drain and close it.
 */
export function scalingReportApp(
  app: Probot,
  options: ScalingReportAppOptions = {},
): AnalysisRunner {
  const deps = jobDepsFromProbot(app, {
    appSlug: options.appSlug,
    limits: options.limits,
    budget: options.budget,
    cache: options.cache,
  });
  const runner =
    options.runner ??
    new InProcessRunner({
      handler: (job) => processAnalysisJob(job, deps),
      log: app.log,
      concurrency: options.concurrency,
      observer: options.observer,
    });
  const once = oncePerDelivery(new RecentIds(1000));
  const cooldown = new CommandCooldown(options.commandCooldown);

  app.on([...PULL_REQUEST_EVENTS], async (context) => {
    if (!wellFormed(context, app.log)) {
      return;
    }
    const { repository, pull_request: pull } = context.payload;
    const log = app.log.child({
      deliveryId: context.id,
      repo: repository.full_name,
      pr: pull.number,
      headSha: pull.head.sha,
    });
    await once(context.id, log, () =>
      enqueueOrSkip(runner, pullRequestJob(context), log),
    );
  });

  app.on('check_run.rerequested', async (context) => {
    if (!wellFormed(context, app.log)) {
      return;
    }
    const { repository, check_run: run } = context.payload;
    const log = app.log.child({
      deliveryId: context.id,
      repo: repository.full_name,
      headSha: run.head_sha,
    });
    await once(context.id, log, () =>
      enqueueOrSkip(runner, rerequestJob(context, CHECK_RUN_NAME), log),
    );
  });

  app.on('issue_comment.created', async (context) => {
    if (!wellFormed(context, app.log)) {
      return;
    }
    const log = app.log.child({
      deliveryId: context.id,
      repo: context.payload.repository.full_name,
      pr: context.payload.issue.number,
    });
    await once(context.id, log, () =>
      handleCommandComment(context, runner, log, cooldown),
    );
  });

  return runner;
}

/** A payload without the fields the handlers read is dropped, not thrown on. */
function wellFormed(
  context: { id: string; name: string; payload: unknown },
  log: Logger,
): boolean {
  if (isWellFormedPayload(context.name, context.payload)) {
    return true;
  }
  log.warn(
    { deliveryId: context.id, event: context.name },
    'malformed webhook payload ignored',
  );
  return false;
}

async function enqueueOrSkip(
  runner: AnalysisRunner,
  job: AnalysisJob | Skip,
  log: Logger,
): Promise<void> {
  if ('skip' in job) {
    log.debug({ reason: job.skip }, 'event skipped');
    return;
  }
  await runner.enqueue(job);
}

/**
 * Runs a delivery's handler once. A failed delivery is forgotten, so
 * redelivering it from the app's settings page tries again.
 */
function oncePerDelivery(deliveries: RecentIds) {
  return async (
    id: string,
    log: Logger,
    handle: () => Promise<void>,
  ): Promise<void> => {
    if (!deliveries.add(id)) {
      log.info('delivery already handled');
      return;
    }
    try {
      await handle();
    } catch (error) {
      deliveries.delete(id);
      throw error;
    }
  };
}
