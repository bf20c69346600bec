import { Redis } from 'ioredis';
import type { PullRequestJob } from '../../src/runner/analysis-job.js';
import { LatestHeads } from '../../src/runner/latest-heads.js';
import { RetryLaterError } from '../../src/runner/retry-policy.js';
import {
  TEST_REDIS_URL,
  deleteByPrefix,
  redisAvailable,
  testPrefix,
} from '../helpers/redis.js';

function push(
  headSha: string,
  kind: 'pr' | 'rerequest' = 'pr',
): PullRequestJob {
  return {
    kind,
    deliveryId: `d-${headSha}`,
    installationId: 7,
    owner: 'acme',
    repo: 'billing',
    pullNumber: 12,
    defaultBranch: 'main',
    repoUrl: 'https://github.com/acme/billing',
    headSha,
    baseRef: 'main',
  };
}

const available = await redisAvailable();
const describeRedis = available ? describe : describe.skip;

describeRedis('LatestHeads (real Redis)', () => {
  const redis = new Redis(TEST_REDIS_URL);
  const prefix = testPrefix('heads').slice(0, -1);
  const heads = new LatestHeads(redis, {
    prefix,
    ttlSeconds: 60,
    lockMs: 5000,
    lockWaitMs: 300,
  });

  afterEach(() => deleteByPrefix(redis, prefix));
  afterAll(() => redis.quit());

  it('claims a push once; a newer push supersedes it; a re-run does not', async () => {
    expect(await heads.claim(push('a'))).toBe(true);
    expect(await heads.claim(push('a'))).toBe(false);
    expect(await heads.claim(push('b'))).toBe(true);
    expect(await heads.claim(push('a', 'rerequest'))).toBe(true);

    expect(await heads.isLatest(push('a'))).toBe(false);
    expect(await heads.isLatest(push('b'))).toBe(true);
    // A redelivery of the older push does not make it the newest again.
    expect(await heads.claim(push('a'))).toBe(false);
    expect(await heads.isLatest(push('b'))).toBe(true);
  });

  it('forgets a claim whose job could not be enqueued', async () => {
    await heads.claim(push('a'));
    await heads.forget(push('a'));
    expect(await heads.claim(push('a'))).toBe(true);
  });

  it('gives every key it writes a TTL', async () => {
    await heads.claim(push('a'));
    let holding: string[] = [];
    let lockTtl = 0;
    await heads.postIfLatest(push('a'), async () => {
      holding = await redis.keys(`${prefix}*`);
      lockTtl = await redis.pttl(`${prefix}:pr:{acme/billing#12}:lock`);
    });

    expect(holding.map((key) => key.slice(prefix.length)).sort()).toEqual([
      ':pr:{acme/billing#12}:head',
      ':pr:{acme/billing#12}:lock',
      ':pr:{acme/billing#12}:seen:a',
    ]);
    const ttls = await Promise.all(
      holding.filter((k) => !k.endsWith(':lock')).map((k) => redis.ttl(k)),
    );
    expect(ttls.every((ttl) => ttl > 0 && ttl <= 60)).toBe(true);
    expect(lockTtl).toBeGreaterThan(0);
    expect(lockTtl).toBeLessThanOrEqual(5000);
    // The lock is released after posting.
    expect(await redis.keys(`${prefix}*:lock`)).toEqual([]);
  });

  it('serializes posts of one pull request, and refuses a stale one waiting for the lock', async () => {
    await heads.claim(push('a'));
    const order: string[] = [];
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));

    const posting = heads.postIfLatest(push('a'), async () => {
      order.push('a starts');
      await gate;
      order.push('a ends');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await heads.claim(push('b'));
    const stale = heads.postIfLatest(push('a'), () =>
      Promise.resolve(void order.push('a again')),
    );
    const newer = heads.postIfLatest(push('b'), () =>
      Promise.resolve(void order.push('b')),
    );
    setTimeout(release, 100);

    expect(await Promise.all([posting, stale, newer])).toEqual([
      true,
      false,
      true,
    ]);
    expect(order).toEqual(['a starts', 'a ends', 'b']);
  });

  it('asks for a retry when the lock stays taken', async () => {
    await heads.claim(push('a'));
    await redis.set(
      `${prefix}:pr:{acme/billing#12}:lock`,
      'someone-else',
      'PX',
      5000,
    );
    await expect(
      heads.postIfLatest(push('a'), () => Promise.resolve()),
    ).rejects.toThrow(RetryLaterError);
  });
});
