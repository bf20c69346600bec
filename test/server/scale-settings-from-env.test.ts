import { BadConfigError } from '../../src/github/server-options-from-env.js';
import { scaleSettingsFromEnv } from '../../src/server/scale-settings-from-env.js';

describe('scaleSettingsFromEnv', () => {
  it('defaults to the embedded single instance', () => {
    expect(scaleSettingsFromEnv({})).toEqual({
      redisUrl: undefined,
      queuePrefix: 'scaling-report',
      concurrency: 2,
      jobTimeoutMs: 600_000,
      shutdownTimeoutMs: 25_000,
      cacheTtlSeconds: 604_800,
      cacheEntries: 20_000,
      lockDurationMs: 60_000,
      stalledIntervalMs: 30_000,
      metricsPort: 9464,
    });
  });

  it('reads every knob', () => {
    expect(
      scaleSettingsFromEnv({
        REDIS_URL: 'redis://redis:6379/0',
        QUEUE_PREFIX: 'sr-staging',
        WORKER_CONCURRENCY: '4',
        JOB_TIMEOUT_MS: '120000',
        SHUTDOWN_TIMEOUT_MS: '9000',
        CACHE_TTL_SECONDS: '3600',
        CACHE_MAX_ENTRIES: '500',
        WORKER_LOCK_DURATION_MS: '30000',
        WORKER_STALLED_INTERVAL_MS: '15000',
        METRICS_PORT: '0',
      }),
    ).toEqual({
      redisUrl: 'redis://redis:6379/0',
      queuePrefix: 'sr-staging',
      concurrency: 4,
      jobTimeoutMs: 120_000,
      shutdownTimeoutMs: 9000,
      cacheTtlSeconds: 3600,
      cacheEntries: 500,
      lockDurationMs: 30_000,
      stalledIntervalMs: 15_000,
      metricsPort: 0,
    });
  });

  it('still reads the older SCALING_REPORT_CONCURRENCY', () => {
    expect(
      scaleSettingsFromEnv({ SCALING_REPORT_CONCURRENCY: '3' }).concurrency,
    ).toBe(3);
  });

  it.each([
    [
      { WORKER_CONCURRENCY: '0' },
      'WORKER_CONCURRENCY must be a whole number of at least 1, not "0".',
    ],
    [
      { JOB_TIMEOUT_MS: '10m' },
      'JOB_TIMEOUT_MS must be a whole number of at least 1, not "10m".',
    ],
    [
      { REDIS_URL: 'http://user:secret@redis:6379' },
      'REDIS_URL must start with redis:// or rediss://, not "redis:6379".',
    ],
  ])(
    'refuses %j, naming the variable and never the password',
    (env, message) => {
      expect(() => scaleSettingsFromEnv(env)).toThrow(
        new BadConfigError(message),
      );
    },
  );
});
