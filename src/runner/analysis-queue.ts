/** The BullMQ queue every analysis job goes through. */
export const ANALYSIS_QUEUE = 'scaling-report-analysis';

/** What every key the app writes to Redis starts with when `QUEUE_PREFIX` is unset. */
export const DEFAULT_QUEUE_PREFIX = 'scaling-report';

/**
 * Retries and retention of every analysis job. A transient GitHub failure is
 * retried up to 5 times in all, 5 s, 10 s, 20 s and 40 s apart. Finished jobs
 * stay for inspection up to a count and an age (1,000 completed for a day,
 * 5,000 failed for a week), so the queue cannot grow Redis without bound.
 */
export const ANALYSIS_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { count: 1000, age: 86400 },
  removeOnFail: { count: 5000, age: 604800 },
};

/** Jobs in each state, as `Queue.getJobCounts` reports them. */
export interface JobCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

export const JOB_STATES = [
  'waiting',
  'active',
  'delayed',
  'completed',
  'failed',
] as const satisfies readonly (keyof JobCounts)[];
