import type { AnalysisJobDeps } from '../github/analysis-job-deps.js';
import { processAnalysisJob } from '../github/process-analysis-job.js';
import type { QueuedJobHandler } from '../runner/job-attempt.js';
import { isTransientFailure } from '../runner/retry-policy.js';

/**
 * The same job handler as the web process's, with the attempt's guard:
 * results post only while the job is its pull request's newest, transient
 * failures are thrown for a retry until the last attempt, and any other
 * failure is reported on the pull request, then fails the job.
 */
export function queuedJobHandler(deps: AnalysisJobDeps): QueuedJobHandler {
  return (job, attempt) =>
    processAnalysisJob(job, {
      ...deps,
      publish: attempt.publish,
      onFailure: (error) =>
        !attempt.final && isTransientFailure(error) ? 'retry' : 'fail',
    });
}
