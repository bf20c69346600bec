import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { MemoryFactCache } from '../facts/fact-cache.js';
import type { ScalingReportServer } from '../github/create-server.js';
import { createScalingReportServer } from '../github/create-server.js';
import { serverOptionsFromEnv } from '../github/server-options-from-env.js';
import { LatestHeads } from '../runner/latest-heads.js';
import { QueueRunner } from '../runner/queue-runner.js';
import { AppMetrics } from './app-metrics.js';
import { runCloseSteps } from './close-steps.js';
import { FORCE_EXIT_GRACE_MS, ShutdownSignals } from './exit-after-shutdown.js';
import { MeteredFactCache } from './metered-fact-cache.js';
import type { ScaleSettings } from './scale-settings-from-env.js';
import { scaleSettingsFromEnv } from './scale-settings-from-env.js';

/**
 * `scaling-report serve`: verifies webhooks, answers at once and enqueues
 * an analysis job. With `REDIS_URL` the job goes to BullMQ for the workers;
 * without it, this process runs it. On SIGTERM or SIGINT it stops taking
 * requests, closes the queue and Redis (or lets in-process analyses finish
 * for `SHUTDOWN_TIMEOUT_MS`), and exits 0.
 */
export async function runServeRole(
  env: NodeJS.ProcessEnv,
  log: Logger,
): Promise<{ port: number }> {
  const settings = scaleSettingsFromEnv(env);
  const options = await serverOptionsFromEnv(env, log);
  const metrics = new AppMetrics();
  const connection = settings.redisUrl
    ? new Redis(settings.redisUrl, { maxRetriesPerRequest: null })
    : undefined;
  connection?.on('error', (error) =>
    log.warn({ err: error }, 'redis connection error'),
  );
  const server = await createScalingReportServer({
    ...options,
    metrics,
    redis: connection,
    shutdownTimeoutMs: settings.shutdownTimeoutMs,
    app: {
      ...options.app,
      concurrency: settings.concurrency,
      ...(connection
        ? { runner: queueRunner(connection, settings, log) }
        : inProcess(settings, metrics)),
    },
  });
  const signals = new ShutdownSignals(log);

  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    signals.first(signal, settings.shutdownTimeoutMs);
    setTimeout(
      () => process.exit(1),
      settings.shutdownTimeoutMs + FORCE_EXIT_GRACE_MS,
    ).unref();
    const clean = await runCloseSteps(
      [
        ['http server and job runner', () => server.stop()],
        ['redis', () => connection?.quit() ?? Promise.resolve()],
      ],
      log,
    ).then(
      () => true,
      () => false,
    );
    signals.exit(clean);
  };
  process.on('SIGTERM', (signal) => void shutdown(signal));
  process.on('SIGINT', (signal) => void shutdown(signal));

  return startServer(server, settings, log);
}

function queueRunner(
  connection: Redis,
  settings: ScaleSettings,
  log: Logger,
): QueueRunner {
  const prefix = settings.queuePrefix;
  const latestHeads = new LatestHeads(connection, { prefix });
  return new QueueRunner({ connection, prefix, latestHeads, log });
}

/** Without Redis: an in-memory fact cache and metrics for the in-process runner. */
function inProcess(
  settings: ScaleSettings,
  metrics: AppMetrics,
): { cache: MeteredFactCache; observer: AppMetrics } {
  const cache = new MemoryFactCache(settings.cacheEntries);
  return {
    cache: new MeteredFactCache(cache, metrics.cache),
    observer: metrics,
  };
}

async function startServer(
  server: ScalingReportServer,
  settings: ScaleSettings,
  log: Logger,
): Promise<{ port: number }> {
  const { port } = await server.start();
  log.info(
    {
      port,
      runner: settings.redisUrl ? 'bullmq' : 'in-process',
      concurrency: settings.concurrency,
    },
    'web server started',
  );
  return { port };
}
