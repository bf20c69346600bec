import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { AnalysisJob } from './analysis-job.js';
import { pullRequestKey } from './analysis-job.js';
import { RetryLaterError } from './retry-policy.js';

/** Options for the per-PR newest-head record and posting lock. */
export interface LatestHeadsOptions {
  /** What every key starts with, e.g. `scaling-report`. */
  prefix: string;
  /**
   * Seconds a head record, and the mark of a push already enqueued, are kept.
   * A redelivery of a push older than this is taken for a new push.
   * Default 604,800 (7 days).
   */
  ttlSeconds?: number;
  /** Milliseconds a posting lock is held at most. Default 60,000. */
  lockMs?: number;
  /** Milliseconds a job waits for another job's posting lock. Default 120,000. */
  lockWaitMs?: number;
}

/** Atomically: first time this push is seen? Then record its head as the newest. */
const CLAIM = `
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then
  redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[2])
  return 1
end
return 0`;

/** Atomically: -1 when a newer head is recorded, 1 when the lock is taken, 0 when busy. */
const LOCK_IF_LATEST = `
local head = redis.call('GET', KEYS[1])
if head and head ~= ARGV[1] then return -1 end
if redis.call('SET', KEYS[2], ARGV[2], 'NX', 'PX', ARGV[3]) then return 1 end
return 0`;

/** Deletes the lock only while it is still ours. */
const UNLOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * `<prefix>:pr:{<owner>/<repo>#<number>}:<what>`: the braces put a pull
 * request's keys in one Redis Cluster slot, as the scripts need.
 */
export function pullRequestRedisKey(
  prefix: string,
  pull: string,
  what: string,
): string {
  return `${prefix}:pr:{${pull}}:${what}`;
}

/**
 * The newest head of each pull request, in Redis, written when a push is
 * enqueued. Workers check it before an analysis and again, under a per-PR
 * lock, right before posting: an older result can never overwrite a newer
 * one, whichever worker finishes first. Every key has a TTL.
 */
export class LatestHeads {
  private readonly ttlSeconds: number;
  private readonly lockMs: number;
  private readonly lockWaitMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly options: LatestHeadsOptions,
  ) {
    this.ttlSeconds = options.ttlSeconds ?? 604_800;
    this.lockMs = options.lockMs ?? 60_000;
    this.lockWaitMs = options.lockWaitMs ?? 120_000;
  }

  /**
   * At enqueue. False for a push seen before (a redelivered webhook); else
   * the push's head becomes its pull request's newest. Other jobs pass.
   */
  async claim(job: AnalysisJob): Promise<boolean> {
    if (job.kind !== 'pr') {
      return true;
    }
    const pull = pullRequestKey(job);
    const claimed = await this.redis.eval(
      CLAIM,
      2,
      pullRequestRedisKey(this.options.prefix, pull, `seen:${job.headSha}`),
      pullRequestRedisKey(this.options.prefix, pull, 'head'),
      job.headSha,
      String(this.ttlSeconds),
    );
    return claimed === 1;
  }

  /** Undoes {@link claim} when the job could not be enqueued, so a redelivery tries again. */
  async forget(job: AnalysisJob): Promise<void> {
    if (job.kind === 'pr') {
      const pull = pullRequestKey(job);
      await this.redis.del(
        pullRequestRedisKey(this.options.prefix, pull, `seen:${job.headSha}`),
      );
    }
  }

  /** Whether no newer head than the job's has been pushed. Jobs of other kinds always are. */
  async isLatest(job: AnalysisJob): Promise<boolean> {
    if (!('headSha' in job)) {
      return true;
    }
    const pull = pullRequestKey(job);
    const head = await this.redis.get(
      pullRequestRedisKey(this.options.prefix, pull, 'head'),
    );
    return head === null || head === job.headSha;
  }

  /**
   * Runs `post` holding the pull request's lock, if the job is still the
   * newest; resolves to false, without posting, once a newer head is known.
   * The head is checked and the lock taken in one step, so no older job
   * posts after a newer one.
   */
  async postIfLatest(
    job: AnalysisJob,
    post: () => Promise<void>,
  ): Promise<boolean> {
    if (!('headSha' in job)) {
      await post();
      return true;
    }
    const lock = pullRequestRedisKey(
      this.options.prefix,
      pullRequestKey(job),
      'lock',
    );
    const token = await this.lockIfLatest(job);
    if (token === undefined) {
      return false;
    }
    try {
      await post();
      return true;
    } finally {
      await this.redis.eval(UNLOCK, 1, lock, token);
    }
  }

  /** Waits for the posting lock; undefined, without it, once a newer head is known. */
  private async lockIfLatest(
    job: AnalysisJob & { headSha: string },
  ): Promise<string | undefined> {
    const pull = pullRequestKey(job);
    const token = randomUUID();
    const deadline = Date.now() + this.lockWaitMs;
    for (;;) {
      const result = await this.redis.eval(
        LOCK_IF_LATEST,
        2,
        pullRequestRedisKey(this.options.prefix, pull, 'head'),
        pullRequestRedisKey(this.options.prefix, pull, 'lock'),
        job.headSha,
        token,
        String(this.lockMs),
      );
      if (result !== 0) {
        return result === 1 ? token : undefined;
      }
      if (Date.now() > deadline) {
        throw new RetryLaterError(`The posting lock of ${pull} stayed taken.`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
