import type { AnalysisJob } from './analysis-job.js';

/** One run of a queued job, as its handler sees it. */
export interface JobAttempt {
  /** 1 for the first run of the job. */
  number: number;
  /** No retry follows this attempt, whatever happens. */
  final: boolean;
  /** Aborted when the job times out or the worker releases it at shutdown. */
  signal: AbortSignal;
  /**
   * Runs `post` only while the job is still its pull request's newest and
   * has not been aborted, serialized with other jobs of the same pull
   * request. Resolves to false when nothing was posted.
   */
  publish: (post: () => Promise<void>) => Promise<boolean>;
}

/** Handles one attempt of a queued job; throws to retry or fail it. */
export type QueuedJobHandler = (
  job: AnalysisJob,
  attempt: JobAttempt,
) => Promise<void>;

/** How a job attempt ended, for metrics. */
export type JobOutcome =
  'completed' | 'superseded' | 'retried' | 'failed' | 'released';

/** Told about every finished attempt; metrics implement it. */
export interface JobObserver {
  /** @param seconds time the attempt ran, from pick-up to outcome. */
  finished(outcome: JobOutcome, seconds: number): void;
}
