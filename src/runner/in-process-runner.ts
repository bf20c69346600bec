import type { Logger } from 'pino';
import type { AnalysisJob } from './analysis-job.js';
import {
  analysisJobId,
  jobLogBindings,
  pullRequestKey,
} from './analysis-job.js';
import type { JobCounts } from './analysis-queue.js';
import type { AnalysisJobHandler, AnalysisRunner } from './analysis-runner.js';
import type { JobObserver } from './job-attempt.js';
import { RecentIds } from './recent-ids.js';

export interface InProcessRunnerOptions {
  handler: AnalysisJobHandler;
  /** Root logger; each job logs through a child bound to its delivery and pull request. */
  log: Logger;
  /** Jobs running at once, across pull requests. Default 2. */
  concurrency?: number;
  /** Job ids remembered after they finish, so a late redelivery is dropped. Default 1000. */
  rememberedIds?: number;
  /** Told how each job ended and how long it ran (metrics). */
  observer?: JobObserver;
}

/**
 * Runs jobs in this process, after the webhook has been answered. Jobs for
 * one pull request run one after another, so a later push always writes
 * last; a push that is still waiting is dropped when a newer head arrives.
 */
export class InProcessRunner implements AnalysisRunner {
  private readonly pending: { id: string; job: AnalysisJob }[] = [];
  private readonly busyPulls = new Set<string>();
  private readonly seen: RecentIds;
  private readonly idleWaiters: (() => void)[] = [];
  private readonly concurrency: number;
  private closing: Promise<void> | undefined;
  private completed = 0;
  private failed = 0;

  constructor(private readonly options: InProcessRunnerOptions) {
    const concurrency = options.concurrency ?? 2;
    this.concurrency = Number.isFinite(concurrency)
      ? Math.max(1, concurrency)
      : 2;
    this.seen = new RecentIds(options.rememberedIds ?? 1000);
  }

  enqueue(job: AnalysisJob): Promise<void> {
    const id = analysisJobId(job);
    const log = this.options.log.child(jobLogBindings(job));
    if (this.closing) {
      log.warn({ jobId: id }, 'runner is closing; job refused');
      return Promise.resolve();
    }
    if (!this.seen.add(id)) {
      log.info({ jobId: id }, 'duplicate job dropped');
      return Promise.resolve();
    }

    this.dropSuperseded(job, log);
    this.pending.push({ id, job });
    this.pump();
    return Promise.resolve();
  }

  drain(): Promise<void> {
    if (this.idle()) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): Promise<void> {
    this.closing ??= this.drain();
    return this.closing;
  }

  /** Jobs of this process: finished ones since it started. */
  counts(): Promise<JobCounts> {
    return Promise.resolve({
      waiting: this.pending.length,
      active: this.busyPulls.size,
      delayed: 0,
      completed: this.completed,
      failed: this.failed,
    });
  }

  private dropSuperseded(job: AnalysisJob, log: Logger): void {
    if (job.kind !== 'pr' && job.kind !== 'rerequest') {
      return;
    }
    const key = pullRequestKey(job);
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const waiting = this.pending[i]?.job;
      if (
        waiting &&
        (waiting.kind === 'pr' || waiting.kind === 'rerequest') &&
        pullRequestKey(waiting) === key &&
        waiting.headSha !== job.headSha
      ) {
        log.info(
          { supersededHeadSha: waiting.headSha },
          'job superseded by a newer head',
        );
        this.pending.splice(i, 1);
      }
    }
  }

  private pump(): void {
    while (this.busyPulls.size < this.concurrency) {
      const index = this.pending.findIndex(
        ({ job }) => !this.busyPulls.has(pullRequestKey(job)),
      );
      const next = index === -1 ? undefined : this.pending.splice(index, 1)[0];
      if (!next) {
        break;
      }
      void this.run(next.id, next.job);
    }
    if (this.idle()) {
      this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  private async run(id: string, job: AnalysisJob): Promise<void> {
    const key = pullRequestKey(job);
    const started = performance.now();
    this.busyPulls.add(key);
    try {
      await this.options.handler(job);
      this.finished('completed', started);
    } catch (error) {
      this.finished('failed', started);
      this.options.log
        .child(jobLogBindings(job))
        .error({ err: error, jobId: id }, 'job failed');
    } finally {
      this.busyPulls.delete(key);
      this.pump();
    }
  }

  private finished(outcome: 'completed' | 'failed', started: number): void {
    this[outcome]++;
    this.options.observer?.finished(
      outcome,
      (performance.now() - started) / 1000,
    );
  }

  private idle(): boolean {
    return this.pending.length === 0 && this.busyPulls.size === 0;
  }
}
