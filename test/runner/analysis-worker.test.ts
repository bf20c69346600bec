import type { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type {
  AnalysisJob,
  PullRequestJob,
} from '../../src/runner/analysis-job.js';
import { analysisJobId } from '../../src/runner/analysis-job.js';
import { ANALYSIS_JOB_OPTIONS } from '../../src/runner/analysis-queue.js';
import { createAnalysisWorker } from '../../src/runner/analysis-worker.js';
import type { JobAttempt, JobOutcome } from '../../src/runner/job-attempt.js';
import { LatestHeads } from '../../src/runner/latest-heads.js';
import { QueueRunner } from '../../src/runner/queue-runner.js';
import { captureLog } from '../github/helpers/capture-log.js';
import {
  TEST_REDIS_URL,
  deleteByPrefix,
  redisAvailable,
  testPrefix,
} from '../helpers/redis.js';

function push(pullNumber: number, headSha: string): PullRequestJob {
  return {
    kind: 'pr',
    deliveryId: `d-${headSha}`,
    installationId: 7,
    owner: 'acme',
    repo: 'billing',
    pullNumber,
    defaultBranch: 'main',
    repoUrl: 'https://github.com/acme/billing',
    headSha,
    baseRef: 'main',
  };
}

const notFound = Object.assign(new Error('Not Found'), { status: 404 });
const badGateway = Object.assign(new Error('Bad Gateway'), { status: 502 });

const available = await redisAvailable();
const describeRedis = available ? describe : describe.skip;

describeRedis('the BullMQ runner and worker (real Redis)', () => {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const prefixes: string[] = [];
  const closers: (() => Promise<unknown>)[] = [];

  afterAll(async () => {
    for (const close of closers.reverse()) {
      await close();
    }
    for (const prefix of prefixes) {
      await deleteByPrefix(redis, prefix);
    }
    redis.disconnect();
  });

  /** A producer and a worker on a queue of the test's own, around `handle`. */
  function setup(
    handle: (job: AnalysisJob, attempt: JobAttempt) => Promise<void>,
    options: { jobTimeoutMs?: number; start?: boolean } = {},
  ) {
    const prefix = testPrefix('worker').slice(0, -1);
    prefixes.push(prefix);
    const { log, lines } = captureLog('info');
    const latestHeads = new LatestHeads(redis, { prefix });
    const producer = new QueueRunner({
      connection: redis,
      prefix,
      latestHeads,
      log,
    });
    const outcomes: JobOutcome[] = [];
    const handled: string[] = [];
    let worker: Worker | undefined;
    const start = (): Worker => {
      worker = createAnalysisWorker({
        connection: redis,
        prefix,
        latestHeads,
        log,
        handler: (job, attempt) => {
          handled.push(analysisJobId(job));
          return handle(job, attempt);
        },
        observer: { finished: (outcome) => outcomes.push(outcome) },
        jobTimeoutMs: options.jobTimeoutMs,
      });
      closers.push(() => worker!.close());
      return worker;
    };
    closers.push(() => producer.close());
    if (options.start !== false) {
      start();
    }
    const settled = (
      job: AnalysisJob,
      state: 'completed' | 'failed',
      ms = 20_000,
    ) => waitForState(producer, analysisJobId(job), state, ms);
    return { producer, lines, outcomes, handled, start, settled };
  }

  it('enqueues a push once, with bounded retention and retries with backoff', async () => {
    const { producer, lines } = setup(() => Promise.resolve(), {
      start: false,
    });
    const job = push(1, 'aaa');

    await producer.enqueue(job);
    await producer.enqueue({ ...job, deliveryId: 'redelivered' });

    const stored = await producer.queue.getJob(analysisJobId(job));
    expect(stored?.opts).toMatchObject(ANALYSIS_JOB_OPTIONS);
    expect(await producer.queue.getJobCounts('waiting')).toEqual({
      waiting: 1,
    });
    expect(
      lines.filter((line) => line.msg === 'duplicate job dropped'),
    ).toHaveLength(1);
  });

  it('retries a transient GitHub failure with exponential backoff, then completes', async () => {
    let calls = 0;
    const attempts: [number, boolean][] = [];
    const { producer, outcomes, lines, settled } = setup((_job, attempt) => {
      attempts.push([attempt.number, attempt.final]);
      return ++calls === 1 ? Promise.reject(badGateway) : Promise.resolve();
    });
    const job = push(2, 'bbb');

    const enqueued = Date.now();
    await producer.enqueue(job);
    await settled(job, 'completed');

    expect(Date.now() - enqueued).toBeGreaterThanOrEqual(
      ANALYSIS_JOB_OPTIONS.backoff.delay,
    );
    expect(attempts).toEqual([
      [1, false],
      [2, false],
    ]);
    expect(outcomes).toEqual(['retried', 'completed']);
    expect(
      lines.find(
        (line) => line.msg === 'transient failure; job retried with backoff',
      ),
    ).toMatchObject({ status: 502, pr: 2, headSha: 'bbb', attempt: 1 });
  }, 30_000);

  it('fails a permanent failure once, with a clear log line and no retry', async () => {
    const { producer, outcomes, lines, handled, settled } = setup(() =>
      Promise.reject(notFound),
    );
    const job = push(3, 'ccc');

    await producer.enqueue(job);
    await settled(job, 'failed');

    const stored = await producer.queue.getJob(analysisJobId(job));
    expect(stored?.attemptsMade).toBe(1);
    expect(stored?.failedReason).toBe('GitHub answered HTTP 404');
    expect(handled).toHaveLength(1);
    expect(outcomes).toEqual(['failed']);
    expect(lines.filter((line) => line.level === 50)).toEqual([
      expect.objectContaining({
        msg: 'permanent failure; job failed without retry',
        status: 404,
        repo: 'acme/billing',
        pr: 3,
        deliveryId: 'd-ccc',
      }),
    ]);
  });

  it('drops a superseded push before its analysis', async () => {
    const { producer, outcomes, handled, start, settled } = setup(
      () => Promise.resolve(),
      {
        start: false,
      },
    );
    const older = push(4, 'old');
    const newer = push(4, 'new');

    await producer.enqueue(older);
    await producer.enqueue(newer);
    start();
    await settled(newer, 'completed');
    await settled(older, 'completed');

    expect(handled).toEqual([analysisJobId(newer)]);
    expect(outcomes).toEqual(['superseded', 'completed']);
  });

  it('never posts the result of a push superseded during its analysis', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const posted: string[] = [];
    const { producer, outcomes, handled, settled } = setup(
      async (job, attempt) => {
        if (job.kind === 'pr' && job.headSha === 'first') {
          await gate;
        }
        await attempt.publish(() => {
          posted.push('headSha' in job ? job.headSha : '');
          return Promise.resolve();
        });
      },
    );
    const first = push(5, 'first');
    const second = push(5, 'second');

    await producer.enqueue(first);
    await waitFor(() => Promise.resolve(handled.length === 1));
    await producer.enqueue(second);
    await settled(second, 'completed');
    release();
    await settled(first, 'completed');

    expect(posted).toEqual(['second']);
    expect(outcomes).toEqual(['completed', 'superseded']);
  });

  it('fails an attempt that runs past the job timeout, and posts nothing later', async () => {
    let finish = (): void => undefined;
    const late = new Promise<void>((resolve) => (finish = resolve));
    let posted: boolean | undefined;
    const { producer, outcomes, settled } = setup(
      async (_job, attempt) => {
        await late;
        posted = await attempt.publish(() => Promise.resolve());
      },
      { jobTimeoutMs: 300 },
    );
    const job = push(6, 'slow');

    await producer.enqueue(job);
    await settled(job, 'failed');
    finish();
    await waitFor(() => Promise.resolve(posted !== undefined));

    const stored = await producer.queue.getJob(analysisJobId(job));
    expect(stored?.failedReason).toBe('The analysis ran longer than 300 ms.');
    expect(stored?.attemptsMade).toBe(1);
    expect(posted).toBe(false);
    expect(outcomes).toEqual(['failed']);
  });
});

async function waitFor(
  check: () => Promise<boolean>,
  ms = 10_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function waitForState(
  producer: QueueRunner,
  jobId: string,
  state: string,
  ms: number,
): Promise<void> {
  return waitFor(
    async () => (await producer.queue.getJobState(jobId)) === state,
    ms,
  );
}
