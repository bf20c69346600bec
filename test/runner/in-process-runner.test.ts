import type {
  AnalysisJob,
  PullRequestJob,
} from '../../src/runner/analysis-job.js';
import { analysisJobId } from '../../src/runner/analysis-job.js';
import { InProcessRunner } from '../../src/runner/in-process-runner.js';
import { captureLog } from '../github/helpers/capture-log.js';

function prJob(
  pullNumber: number,
  headSha: string,
  deliveryId = `d-${headSha}`,
): PullRequestJob {
  return {
    kind: 'pr',
    deliveryId,
    installationId: 7,
    owner: 'acme',
    repo: 'billing',
    pullNumber,
    defaultBranch: 'main',
    repoUrl: 'https://github.com/acme/billing',
    headSha,
    baseRef: 'main',
  };
}

/** A handler whose jobs finish only when the test says so. */
function gatedHandler() {
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  const handler = (job: AnalysisJob): Promise<void> => {
    const id = analysisJobId(job);
    started.push(id);
    return new Promise((resolve) => gates.set(id, resolve));
  };
  const finish = async (job: AnalysisJob): Promise<void> => {
    gates.get(analysisJobId(job))?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { handler, started, finish };
}

describe('InProcessRunner', () => {
  it('returns from enqueue before the job has finished', async () => {
    const { handler, started, finish } = gatedHandler();
    const runner = new InProcessRunner({ handler, log: captureLog().log });
    const job = prJob(1, 'aaa');

    await runner.enqueue(job);

    expect(started).toEqual([analysisJobId(job)]);
    let drained = false;
    const draining = runner.drain().then(() => (drained = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    await finish(job);
    await draining;
    expect(drained).toBe(true);
  });

  it('drops a job whose id it has seen, also after it finished', async () => {
    const handled: string[] = [];
    const { log, lines } = captureLog();
    const runner = new InProcessRunner({
      handler: (job) => {
        handled.push(analysisJobId(job));
        return Promise.resolve();
      },
      log,
    });

    await runner.enqueue(prJob(1, 'aaa', 'delivery-1'));
    await runner.drain();
    await runner.enqueue(prJob(1, 'aaa', 'delivery-1'));
    await runner.enqueue(prJob(1, 'aaa', 'delivery-2'));
    await runner.drain();

    expect(handled).toEqual(['pr/acme/billing/1/aaa']);
    expect(
      lines.filter((line) => line.msg === 'duplicate job dropped'),
    ).toHaveLength(2);
  });

  it('runs one job per pull request at a time; a newer head drops a waiting push', async () => {
    const { handler, started, finish } = gatedHandler();
    const runner = new InProcessRunner({
      handler,
      log: captureLog().log,
      concurrency: 4,
    });
    const first = prJob(1, 'aaa');
    const stale = prJob(1, 'bbb');
    const latest = prJob(1, 'ccc');
    const other = prJob(2, 'zzz');

    await runner.enqueue(first);
    await runner.enqueue(stale);
    await runner.enqueue(other);
    await runner.enqueue(latest);

    expect(started).toEqual([analysisJobId(first), analysisJobId(other)]);
    await finish(first);
    expect(started).toEqual([
      analysisJobId(first),
      analysisJobId(other),
      analysisJobId(latest),
    ]);
    await finish(other);
    await finish(latest);
    await runner.drain();
    expect(started).not.toContain(analysisJobId(stale));
  });

  it('never runs more jobs than its concurrency', async () => {
    const { handler, started, finish } = gatedHandler();
    const runner = new InProcessRunner({
      handler,
      log: captureLog().log,
      concurrency: 2,
    });
    const jobs = [prJob(1, 'a'), prJob(2, 'b'), prJob(3, 'c')];

    for (const job of jobs) {
      await runner.enqueue(job);
    }

    expect(started).toHaveLength(2);
    await finish(jobs[0]!);
    expect(started).toHaveLength(3);
    await finish(jobs[1]!);
    await finish(jobs[2]!);
    await runner.drain();
  });

  it('logs a failing job with its pull request and keeps running the others', async () => {
    const { log, lines } = captureLog();
    const handled: number[] = [];
    const runner = new InProcessRunner({
      handler: (job) => {
        handled.push(job.pullNumber);
        return job.pullNumber === 1
          ? Promise.reject(new Error('boom'))
          : Promise.resolve();
      },
      log,
      concurrency: 1,
    });

    await runner.enqueue(prJob(1, 'aaa'));
    await runner.enqueue(prJob(2, 'bbb'));
    await runner.drain();

    expect(handled).toEqual([1, 2]);
    const failure = lines.find((line) => line.msg === 'job failed');
    expect(failure).toMatchObject({
      pr: 1,
      repo: 'acme/billing',
      headSha: 'aaa',
      deliveryId: 'd-aaa',
    });
    expect((failure?.err as { message: string }).message).toBe('boom');
  });

  it('waits for accepted jobs on close, refuses new ones, and can be closed twice', async () => {
    const { handler, started, finish } = gatedHandler();
    const runner = new InProcessRunner({ handler, log: captureLog().log });
    const job = prJob(1, 'aaa');
    await runner.enqueue(job);

    const closing = runner.close();
    await runner.enqueue(prJob(2, 'bbb'));
    await finish(job);

    await expect(Promise.all([closing, runner.close()])).resolves.toEqual([
      undefined,
      undefined,
    ]);
    expect(started).toEqual([analysisJobId(job)]);
  });

  it('counts its jobs and tells the observer how each ended', async () => {
    const { handler, finish } = gatedHandler();
    const outcomes: string[] = [];
    const runner = new InProcessRunner({
      handler: (job) =>
        job.pullNumber === 3 ? Promise.reject(new Error('boom')) : handler(job),
      log: captureLog().log,
      concurrency: 1,
      observer: { finished: (outcome) => outcomes.push(outcome) },
    });
    const first = prJob(1, 'a');

    await runner.enqueue(first);
    await runner.enqueue(prJob(2, 'b'));
    expect(await runner.counts()).toEqual({
      waiting: 1,
      active: 1,
      delayed: 0,
      completed: 0,
      failed: 0,
    });
    await finish(first);
    await finish(prJob(2, 'b'));
    await runner.enqueue(prJob(3, 'c'));
    await runner.drain();

    expect(await runner.counts()).toMatchObject({
      waiting: 0,
      active: 0,
      completed: 2,
      failed: 1,
    });
    expect(outcomes).toEqual(['completed', 'completed', 'failed']);
  });
});
