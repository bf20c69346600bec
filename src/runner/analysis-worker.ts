import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ANALYSIS_QUEUE, DEFAULT_QUEUE_PREFIX } from './analysis-queue.js';
import type { JobObserver, QueuedJobHandler } from './job-attempt.js';
import type { LatestHeads } from './latest-heads.js';
import { processQueuedJob } from './process-queued-job.js';

/** Options of the worker role's BullMQ consumer. */
export interface AnalysisWorkerOptions {
  /** Redis connection, made with `maxRetriesPerRequest: null`; BullMQ duplicates it to block. */
  connection: Redis;
  /** Key prefix shared with the producers. Default `scaling-report`. */
  prefix?: string;
  handler: QueuedJobHandler;
  latestHeads: LatestHeads;
  /** Root logger; each job logs through a child bound to its delivery. */
  log: Logger;
  observer?: JobObserver;
  /** Analyses this worker runs at once. Default 2. */
  concurrency?: number;
  /** Milliseconds an attempt may run before the job fails. Default 600,000 (10 min). */
  jobTimeoutMs?: number;
  /**
   * Milliseconds a job's lock lasts; the worker renews it at half that while
   * the job runs. A worker that dies loses its jobs' locks after this long.
   * Default 60,000.
   */
  lockDurationMs?: number;
  /** Milliseconds between checks for jobs whose worker died. Default 30,000. */
  stalledIntervalMs?: number;
}

/**
 * The consumer of the analysis queue. A job stalled by a worker that died
 * is moved back to wait and picked up by another, at most twice before it
 * fails.
 */
export function createAnalysisWorker(options: AnalysisWorkerOptions): Worker {
  const context = {
    handler: options.handler,
    latestHeads: options.latestHeads,
    log: options.log,
    observer: options.observer,
    timeoutMs: options.jobTimeoutMs ?? 600_000,
  };
  const worker = new Worker(
    ANALYSIS_QUEUE,
    (job, token, signal) => processQueuedJob(job, token, signal, context),
    {
      connection: options.connection,
      prefix: options.prefix ?? DEFAULT_QUEUE_PREFIX,
      concurrency: options.concurrency ?? 2,
      lockDuration: options.lockDurationMs ?? 60_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      maxStalledCount: 2,
    },
  );
  worker.on('error', (error) => {
    options.log.error({ err: error }, 'queue worker error');
  });
  return worker;
}

/**
 * After `timeoutMs`, aborts the jobs still running, and each hands its job
 * back to the queue for another worker: start it with `worker.close()`,
 * which stops taking jobs and waits for the running ones, and clear it
 * once the worker has closed.
 */
export function releaseJobsAfter(
  worker: Worker,
  timeoutMs: number,
  log: Logger,
): NodeJS.Timeout {
  return setTimeout(() => {
    log.warn({ timeoutMs }, 'shutdown timeout reached; releasing running jobs');
    worker.cancelAllJobs('shutdown');
  }, timeoutMs);
}
