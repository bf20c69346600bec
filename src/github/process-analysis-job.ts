import type { AnalysisJob } from '../runner/analysis-job.js';
import type { AnalysisJobDeps } from './analysis-job-deps.js';
import { processCommandJob } from './process-command-job.js';
import { processPullRequestJob } from './process-pull-request-job.js';

/**
 * Runs one job end to end. It needs nothing from the webhook that created
 * it, so the web process and a separate worker call it the same way.
 */
export async function processAnalysisJob(
  job: AnalysisJob,
  deps: AnalysisJobDeps,
): Promise<void> {
  switch (job.kind) {
    case 'pr':
    case 'rerequest':
      return processPullRequestJob(job, deps);
    case 'command-report':
    case 'command-diff':
      return processCommandJob(job, deps);
  }
}
