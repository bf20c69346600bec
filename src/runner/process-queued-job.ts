import type { Job } from 'bullmq';
import { UnrecoverableError, WaitingError } from 'bullmq';
import type { Logger } from 'pino';
import { statusOf } from '../github/github-client.js';
import type { AnalysisJob } from './analysis-job.js';
import { jobLogBindings } from './analysis-job.js';
import type {
  JobAttempt,
  JobObserver,
  JobOutcome,
  QueuedJobHandler,
} from './job-attempt.js';
import type { LatestHeads } from './latest-heads.js';
import { parseAnalysisJob } from './parse-analysis-job.js';
import { isTransientFailure } from './retry-policy.js';

/** What the processor of every queued job shares. */
export interface QueuedJobContext {
  handler: QueuedJobHandler;
  latestHeads: LatestHeads;
  /** Root logger; each job logs through a child bound to its delivery and pull request. */
  log: Logger;
  observer?: JobObserver;
  /** Milliseconds an attempt may run before the job fails. */
  timeoutMs: number;
}

/** An attempt ran past `JOB_TIMEOUT_MS`. */
export class JobTimeoutError extends Error {
  readonly code = 'job-timeout';

  constructor(readonly timeoutMs: number) {
    super(`The analysis ran longer than ${timeoutMs} ms.`);
    this.name = 'JobTimeoutError';
  }
}

/** The worker is shutting down and hands the job back to the queue. */
class JobReleasedError extends Error {
  readonly code = 'job-released';
}

/**
 * The BullMQ processor. A job a newer push superseded is dropped before its
 * analysis; a running one posts nothing once superseded, timed out or
 * released. Transient failures are thrown for a retry with backoff;
 * permanent ones fail the job once, as an `UnrecoverableError`.
 */
export async function processQueuedJob(
  job: Job,
  token: string | undefined,
  signal: AbortSignal | undefined,
  context: QueuedJobContext,
): Promise<JobOutcome> {
  const started = performance.now();
  const finish = (outcome: JobOutcome): JobOutcome => {
    context.observer?.finished(outcome, (performance.now() - started) / 1000);
    return outcome;
  };
  const data = parsedOrFail(job, context.log, () => finish('failed'));
  const log = context.log.child({
    ...jobLogBindings(data),
    jobId: job.id,
    attempt: job.attemptsMade + 1,
  });

  if (!(await context.latestHeads.isLatest(data))) {
    log.info('job superseded by a newer head; dropped before analysis');
    return finish('superseded');
  }
  try {
    const posted = await runAttempt(job, data, signal, context);
    if (!posted) {
      log.info('job superseded or aborted; its result was not posted');
    }
    return finish(posted ? 'completed' : 'superseded');
  } catch (error) {
    const { outcome, thrown } = await settleFailure(error, job, token, log);
    finish(outcome);
    throw thrown;
  }
}

function parsedOrFail(job: Job, log: Logger, failed: () => void): AnalysisJob {
  try {
    return parseAnalysisJob(job.data);
  } catch (error) {
    log.error(
      { err: error, jobId: job.id },
      'job data is malformed; job failed',
    );
    failed();
    throw new UnrecoverableError(
      error instanceof Error ? error.message : 'malformed job data',
    );
  }
}

/** Runs the handler until it finishes or the attempt is aborted; true when it posted. */
async function runAttempt(
  job: Job,
  data: AnalysisJob,
  signal: AbortSignal | undefined,
  context: QueuedJobContext,
): Promise<boolean> {
  const controller = new AbortController();
  const release = (): void => controller.abort(new JobReleasedError());
  signal?.addEventListener('abort', release, { once: true });
  const timer = setTimeout(
    () => controller.abort(new JobTimeoutError(context.timeoutMs)),
    context.timeoutMs,
  );
  let posted = true;
  const attempt: JobAttempt = {
    number: job.attemptsMade + 1,
    final: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
    signal: controller.signal,
    publish: async (post) => {
      const done =
        !controller.signal.aborted &&
        (await context.latestHeads.postIfLatest(data, post));
      posted &&= done;
      return done;
    },
  };
  try {
    await Promise.race([
      context.handler(data, attempt),
      rejectOnAbort(controller.signal),
    ]);
    return posted;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', release);
  }
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason as Error), {
      once: true,
    });
  });
}

/** Logs the failure once, clearly, and picks what BullMQ should see. */
async function settleFailure(
  error: unknown,
  job: Job,
  token: string | undefined,
  log: Logger,
): Promise<{ outcome: JobOutcome; thrown: unknown }> {
  if (error instanceof JobReleasedError) {
    await job.moveToWait(token).catch((moveError: unknown) => {
      log.warn(
        { err: moveError },
        'job could not be released; stall detection will',
      );
    });
    log.warn('shutdown: job released for another worker');
    return { outcome: 'released', thrown: new WaitingError() };
  }
  const status = statusOf(error);
  const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  if (!(error instanceof JobTimeoutError) && isTransientFailure(error)) {
    const message = last
      ? 'transient failure on the last attempt; job failed'
      : 'transient failure; job retried with backoff';
    log[last ? 'error' : 'warn']({ err: error, status }, message);
    return { outcome: last ? 'failed' : 'retried', thrown: error };
  }
  log.error(
    { err: error, status },
    'permanent failure; job failed without retry',
  );
  return { outcome: 'failed', thrown: new UnrecoverableError(reasonOf(error)) };
}

/** Kept in Redis as the failed reason: no message text, which may hold a signed URL. */
function reasonOf(error: unknown): string {
  const status = statusOf(error);
  if (status !== undefined) {
    return `GitHub answered HTTP ${status}`;
  }
  if (error instanceof JobTimeoutError) {
    return error.message;
  }
  return error instanceof Error
    ? `${error.name} (see the worker log)`
    : 'failure';
}
