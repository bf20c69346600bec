import { BadConfigError } from '../github/server-options-from-env.js';
import { DEFAULT_QUEUE_PREFIX } from '../runner/analysis-queue.js';

/** How the app scales and shuts down; every field is documented in `.env.example`. */
export interface ScaleSettings {
  /** `REDIS_URL`. Unset: the in-process runner and an in-memory cache. */
  redisUrl?: string;
  /** `QUEUE_PREFIX`: what every key the app writes starts with. Default `scaling-report`. */
  queuePrefix: string;
  /** `WORKER_CONCURRENCY`: analyses one process runs at once. Default 2. */
  concurrency: number;
  /** `JOB_TIMEOUT_MS`: longest attempt before the job fails. Default 600,000. */
  jobTimeoutMs: number;
  /** `SHUTDOWN_TIMEOUT_MS`: how long running analyses may finish on SIGTERM. Default 25,000. */
  shutdownTimeoutMs: number;
  /** `CACHE_TTL_SECONDS`: life of a cached file's facts in Redis. Default 604,800 (7 days). */
  cacheTtlSeconds: number;
  /** `CACHE_MAX_ENTRIES`: files kept by the in-memory cache. Default 20,000. */
  cacheEntries: number;
  /**
   * `WORKER_LOCK_DURATION_MS`: a job's lock; a dead worker's jobs return
   * after it. Default 60,000.
   */
  lockDurationMs: number;
  /** `WORKER_STALLED_INTERVAL_MS`: how often workers look for stalled jobs. Default 30,000. */
  stalledIntervalMs: number;
  /** `METRICS_PORT`: the worker role's health and metrics port. Default 9464. */
  metricsPort: number;
}

/** Reads {@link ScaleSettings}; throws `BadConfigError` naming the variable. */
export function scaleSettingsFromEnv(env: NodeJS.ProcessEnv): ScaleSettings {
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new BadConfigError(
      `REDIS_URL must start with redis:// or rediss://, not "${redisUrl.split('@').pop() ?? ''}".`,
    );
  }
  return {
    redisUrl,
    queuePrefix: env.QUEUE_PREFIX?.trim() || DEFAULT_QUEUE_PREFIX,
    concurrency:
      whole(env, 'WORKER_CONCURRENCY') ??
      whole(env, 'SCALING_REPORT_CONCURRENCY') ??
      2,
    jobTimeoutMs: whole(env, 'JOB_TIMEOUT_MS') ?? 600_000,
    shutdownTimeoutMs: whole(env, 'SHUTDOWN_TIMEOUT_MS') ?? 25_000,
    cacheTtlSeconds: whole(env, 'CACHE_TTL_SECONDS') ?? 604_800,
    cacheEntries: whole(env, 'CACHE_MAX_ENTRIES') ?? 20_000,
    lockDurationMs: whole(env, 'WORKER_LOCK_DURATION_MS') ?? 60_000,
    stalledIntervalMs: whole(env, 'WORKER_STALLED_INTERVAL_MS') ?? 30_000,
    metricsPort: whole(env, 'METRICS_PORT', 0) ?? 9464,
  };
}

function whole(
  env: NodeJS.ProcessEnv,
  name: string,
  min = 1,
): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') {
    return undefined;
  }
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new BadConfigError(
      `${name} must be a whole number of at least ${min}, not "${raw}".`,
    );
  }
  return value;
}
