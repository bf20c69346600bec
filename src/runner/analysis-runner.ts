import type { AnalysisJob } from './analysis-job.js';
import type { JobCounts } from './analysis-queue.js';

/**
 * Takes analysis work off the webhook request. The in-process runner is one
 * implementation; a queue shared by several workers is another.
 */
export interface AnalysisRunner {
  /** Accepts a job and returns before it runs. A duplicate id is dropped. */
  enqueue(job: AnalysisJob): Promise<void>;
  /** Resolves once every accepted job has finished (tests, shutdown). */
  drain?(): Promise<void>;
  /** Jobs in each state, for the metrics route. */
  counts?(): Promise<JobCounts>;
  /** Stops accepting jobs and waits for the accepted ones. Safe to call twice. */
  close(): Promise<void>;
}

/** Handles one job. Failures are the handler's to report; a runner only logs them. */
export type AnalysisJobHandler = (job: AnalysisJob) => Promise<void>;
