import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AnalysisJob } from './analysis-job.js';
import { analysisJobId, jobLogBindings } from './analysis-job.js';
import type { JobCounts } from './analysis-queue.js';
import {
  ANALYSIS_JOB_OPTIONS,
  ANALYSIS_QUEUE,
  DEFAULT_QUEUE_PREFIX,
  JOB_STATES,
} from './analysis-queue.js';
import type { AnalysisRunner } from './analysis-runner.js';
import type { LatestHeads } from './latest-heads.js';

/** Options of the web role's producer. */
export interface QueueRunnerOptions {
  /** Redis connection; the runner never closes it, its owner does. */
  connection: Redis;
  /** Key prefix shared with the workers. Default `scaling-report`. */
  prefix?: string;
  latestHeads: LatestHeads;
  /** Root logger; each job logs through a child bound to its delivery. */
  log: Logger;
}

/**
 * Hands jobs to BullMQ, for workers on any machine. The job id is derived
 * from the repository, pull request and head, so a redelivered webhook or a
 * second click enqueues nothing; the push's head becomes its pull request's
 * newest, which supersedes the jobs of older heads.
 */
export class QueueRunner implements AnalysisRunner {
  readonly queue: Queue;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: QueueRunnerOptions) {
    this.queue = new Queue(ANALYSIS_QUEUE, {
      connection: options.connection,
      prefix: options.prefix ?? DEFAULT_QUEUE_PREFIX,
      defaultJobOptions: ANALYSIS_JOB_OPTIONS,
    });
  }

  async enqueue(job: AnalysisJob): Promise<void> {
    const jobId = analysisJobId(job);
    const log = this.options.log.child({ ...jobLogBindings(job), jobId });
    if (this.closing) {
      log.warn('runner is closing; job refused');
      return;
    }
    if (!(await this.options.latestHeads.claim(job))) {
      log.info('duplicate job dropped');
      return;
    }
    try {
      await this.queue.add(job.kind, job, { jobId });
    } catch (error) {
      await this.options.latestHeads
        .forget(job)
        .catch((forgetError: unknown) => {
          log.warn({ err: forgetError }, 'claimed push could not be forgotten');
        });
      throw error;
    }
    log.info('job enqueued');
  }

  async counts(): Promise<JobCounts> {
    const counts = await this.queue.getJobCounts(...JOB_STATES);
    return {
      waiting: counts.waiting ?? 0,
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      completed: counts.completed ?? 0,
      failed: counts.failed ?? 0,
    };
  }

  /** Stops accepting jobs and closes the queue; the connection stays open. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= this.queue.close();
    return this.closing;
  }
}
