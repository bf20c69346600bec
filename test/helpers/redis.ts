import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis tests use: REDIS_URL, or the local default. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Whether Redis answers. In CI (`CI=true`) a missing Redis is a failure, not
 * a skip; elsewhere the Redis suites are skipped with a clear message.
 */
export async function redisAvailable(): Promise<boolean> {
  const probe = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1000,
  });
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch (error) {
    if (process.env.CI === 'true') {
      throw new Error(
        `CI=true but Redis at ${TEST_REDIS_URL} is not reachable: ${String(error)}`,
      );
    }
    process.stderr.write(
      `\n[redis tests skipped] Redis at ${TEST_REDIS_URL} is not reachable; ` +
        'start redis-server or set REDIS_URL to run them.\n',
    );
    return false;
  } finally {
    probe.disconnect();
  }
}

/** A key prefix of this test run's own, so runs never see each other's keys. */
export function testPrefix(label: string): string {
  return `scaling-report-test:${label}:${randomUUID().slice(0, 8)}:`;
}

/** Deletes every key under `prefix`. */
export async function deleteByPrefix(
  redis: Redis,
  prefix: string,
): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(
      cursor,
      'MATCH',
      `${prefix}*`,
      'COUNT',
      500,
    );
    cursor = next;
    if (keys.length > 0) {
      await redis.del(...keys);
    }
  } while (cursor !== '0');
}
