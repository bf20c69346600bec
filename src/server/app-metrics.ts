import type { JobCounts } from '../runner/analysis-queue.js';
import { JOB_STATES } from '../runner/analysis-queue.js';
import type { JobObserver, JobOutcome } from '../runner/job-attempt.js';
import { Histogram } from './histogram.js';

/** Upper bounds of the analysis duration buckets, in seconds. */
const DURATION_BUCKETS = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

const OUTCOMES: readonly JobOutcome[] = [
  'completed',
  'superseded',
  'retried',
  'failed',
  'released',
];

/** Outcomes where an analysis ran to an end worth timing. */
const TIMED: ReadonlySet<JobOutcome> = new Set([
  'completed',
  'retried',
  'failed',
]);

/**
 * What one process counts: job outcomes, analysis durations and fact
 * cache lookups. Rendered with the queue's own counts in the Prometheus
 * text format by {@link AppMetrics.render}.
 */
export class AppMetrics implements JobObserver {
  readonly cache = { hits: 0, misses: 0 };
  private readonly outcomes = new Map<JobOutcome, number>();
  private readonly durations = new Histogram(DURATION_BUCKETS);

  finished(outcome: JobOutcome, seconds: number): void {
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
    if (TIMED.has(outcome)) {
      this.durations.observe(seconds);
    }
  }

  /** The exposition text; `counts` are the queue's, across every process. */
  render(counts: JobCounts): string {
    const lines = [
      '# HELP scaling_report_jobs Analysis jobs in each state of the queue.',
      '# TYPE scaling_report_jobs gauge',
      ...JOB_STATES.map(
        (state) => `scaling_report_jobs{state="${state}"} ${counts[state]}`,
      ),
      '# HELP scaling_report_job_attempts_total Job attempts this process ended, by outcome.',
      '# TYPE scaling_report_job_attempts_total counter',
      ...OUTCOMES.map(
        (outcome) =>
          `scaling_report_job_attempts_total{outcome="${outcome}"} ` +
          String(this.outcomes.get(outcome) ?? 0),
      ),
      '# HELP scaling_report_analysis_duration_seconds ' +
        'Time from pick-up to result of a job attempt.',
      '# TYPE scaling_report_analysis_duration_seconds histogram',
      ...this.durations.lines('scaling_report_analysis_duration_seconds'),
      '# HELP scaling_report_fact_cache_hits_total Files whose facts came from the cache.',
      '# TYPE scaling_report_fact_cache_hits_total counter',
      `scaling_report_fact_cache_hits_total ${this.cache.hits}`,
      '# HELP scaling_report_fact_cache_misses_total Files the cache did not hold.',
      '# TYPE scaling_report_fact_cache_misses_total counter',
      `scaling_report_fact_cache_misses_total ${this.cache.misses}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}
