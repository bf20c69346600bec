import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { Probot } from 'probot';
import { RedisFactCache } from '../facts/redis-fact-cache.js';
import type { AnalysisJobDeps } from '../github/analysis-job-deps.js';
import { jobDepsFromProbot } from '../github/analysis-job-deps.js';
import type { AppCredentials } from '../github/server-options-from-env.js';
import {
  appCredentialsFromEnv,
  BadConfigError,
} from '../github/server-options-from-env.js';
import { ANALYSIS_QUEUE, JOB_STATES } from '../runner/analysis-queue.js';
import type { JobCounts } from '../runner/analysis-queue.js';
import {
  createAnalysisWorker,
  releaseJobsAfter,
} from '../runner/analysis-worker.js';
import { LatestHeads } from '../runner/latest-heads.js';
import { AppMetrics } from './app-metrics.js';
import { runCloseSteps } from './close-steps.js';
import { FORCE_EXIT_GRACE_MS, ShutdownSignals } from './exit-after-shutdown.js';
import { healthRoutes } from './health-routes.js';
import { closeHealth, listenHealth } from './listen-health.js';
import { MeteredFactCache } from './metered-fact-cache.js';
import { queuedJobHandler } from './queued-job-handler.js';
import type { ScaleSettings } from './scale-settings-from-env.js';
import { scaleSettingsFromEnv } from './scale-settings-from-env.js';

/**
 * `scaling-report worker`: consumes the analysis queue until SIGTERM or
 * SIGINT. Then it stops taking jobs, lets running analyses finish for
 * `SHUTDOWN_TIMEOUT_MS`, hands the rest back to the queue, closes the
 * worker, the queue and Redis, and exits 0.
 */
export async function runWorkerRole(
  env: NodeJS.ProcessEnv,
  log: Logger,
): Promise<{ metricsPort: number }> {
  const settings = scaleSettingsFromEnv(env);
  const redisUrl = requireRedis(settings);
  const credentials = await appCredentialsFromEnv(env);
  const prefix = settings.queuePrefix;
  const metrics = new AppMetrics();
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', (error) =>
    log.warn({ err: error }, 'redis connection error'),
  );
  const worker = createAnalysisWorker({
    connection,
    prefix,
    handler: queuedJobHandler(
      jobDeps(credentials, connection, settings, metrics, log),
    ),
    latestHeads: new LatestHeads(connection, { prefix }),
    log,
    observer: metrics,
    concurrency: settings.concurrency,
    jobTimeoutMs: settings.jobTimeoutMs,
    lockDurationMs: settings.lockDurationMs,
    stalledIntervalMs: settings.stalledIntervalMs,
  });
  const queue = new Queue(ANALYSIS_QUEUE, { connection, prefix });
  const signals = new ShutdownSignals(log);
  const routes = healthRoutes({
    metrics,
    counts: () => jobCounts(queue),
    redis: connection,
    stopping: () => signals.stopping,
    log,
  });
  const health = await listenHealth(
    routes,
    settings.metricsPort,
    env.HOST ?? '0.0.0.0',
    log,
  );

  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    signals.first(signal, settings.shutdownTimeoutMs);
    setTimeout(
      () => process.exit(1),
      settings.shutdownTimeoutMs + FORCE_EXIT_GRACE_MS,
    ).unref();
    const release = releaseJobsAfter(worker, settings.shutdownTimeoutMs, log);
    const clean = await runCloseSteps(
      [
        ['health server', () => closeHealth(health.server)],
        ['worker', () => worker.close()],
        ['queue', () => queue.close()],
        ['redis', () => connection.quit()],
      ],
      log,
    ).then(
      () => true,
      () => false,
    );
    clearTimeout(release);
    signals.exit(clean);
  };
  process.on('SIGTERM', (signal) => void shutdown(signal));
  process.on('SIGINT', (signal) => void shutdown(signal));

  log.info(
    { concurrency: settings.concurrency, prefix, metricsPort: health.port },
    'worker started',
  );
  return { metricsPort: health.port };
}

function requireRedis(settings: ScaleSettings): string {
  if (!settings.redisUrl) {
    throw new BadConfigError(
      'scaling-report worker needs REDIS_URL; without it, serve runs analyses itself.',
    );
  }
  return settings.redisUrl;
}

/** What each job needs: the app's identity and the fact cache every worker shares. */
function jobDeps(
  credentials: AppCredentials,
  connection: Redis,
  settings: ScaleSettings,
  metrics: AppMetrics,
  log: Logger,
): AnalysisJobDeps {
  const probot = new Probot({
    appId: credentials.appId,
    privateKey: credentials.privateKey,
    baseUrl: credentials.baseUrl,
    log,
  });
  const cache = new RedisFactCache(connection, {
    prefix: `${settings.queuePrefix}:facts:`,
    ttlSeconds: settings.cacheTtlSeconds,
  });
  return jobDepsFromProbot(probot, {
    appSlug: credentials.appSlug,
    limits: credentials.limits,
    budget: credentials.budget,
    cache: new MeteredFactCache(cache, metrics.cache),
    log,
  });
}

async function jobCounts(queue: Queue): Promise<JobCounts> {
  const counts = await queue.getJobCounts(...JOB_STATES);
  return {
    waiting: counts.waiting ?? 0,
    active: counts.active ?? 0,
    delayed: counts.delayed ?? 0,
    completed: counts.completed ?? 0,
    failed: counts.failed ?? 0,
  };
}
