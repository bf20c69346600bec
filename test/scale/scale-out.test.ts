import { createHmac, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { ANALYSIS_QUEUE } from '../../src/runner/analysis-queue.js';
import { pullRequestPayload } from '../github/helpers/payloads.js';
import {
  TEST_REDIS_URL,
  deleteByPrefix,
  redisAvailable,
  testPrefix,
} from '../helpers/redis.js';
import {
  baseFiles,
  headFiles,
  headSha,
  queueName,
} from './helpers/billing-heads.js';
import { FakeGitHub, MERGE_BASE } from './helpers/fake-github.js';
import type { RoleProcess } from './helpers/spawn-role.js';
import {
  WEBHOOK_SECRET,
  killRoles,
  roleEnv,
  spawnRole,
} from './helpers/spawn-role.js';
import { waitUntil } from './helpers/wait-until.js';

const PULLS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const HEADS = [1, 2, 3];

const available = await redisAvailable();
const describeRedis = available ? describe : describe.skip;

describeRedis('scale-out: one serve and two worker processes on Redis', () => {
  const prefix = testPrefix('scale-out').slice(0, -1);
  const redis = new Redis(TEST_REDIS_URL);
  const queue = new Queue(ANALYSIS_QUEUE, { connection: redis, prefix });
  const github = new FakeGitHub();
  const roles: RoleProcess[] = [];
  let webhooks = '';

  beforeAll(async () => {
    await github.commit(MERGE_BASE, baseFiles);
    for (const pr of PULLS) {
      for (const k of HEADS) {
        await github.commit(headSha(pr, k), headFiles(pr, k));
      }
    }
    github.jitterMs = 300;
    PULLS.forEach((pr) => github.delays.set(headSha(pr, 2), 1000));
    // Enough slots that a pull request's three jobs run at once and can race.
    const env = {
      ...roleEnv(await github.listen(), prefix),
      WORKER_CONCURRENCY: '8',
    };
    roles.push(
      spawnRole('serve', env),
      spawnRole('worker', env),
      spawnRole('worker', env),
    );
    const started = await roles[0]!.waitFor(
      (line) => line.msg === 'web server started',
      120_000,
    );
    webhooks = `http://127.0.0.1:${String(started.port)}/api/github/webhooks`;
    await Promise.all(
      roles
        .slice(1)
        .map((role) =>
          role.waitFor((line) => line.msg === 'worker started', 120_000),
        ),
    );
    // Three child processes compile the sources with tsx; under a full,
    // parallel test run on two cores that alone has taken a minute.
  }, 180_000);

  afterAll(async () => {
    await killRoles(roles);
    await github.close();
    await queue.close();
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
  });

  it('leaves exactly one comment per PR, reflecting its newest head', async () => {
    // The first push's archive is held until the newest head has posted, so
    // the oldest analysis of each pull request finishes last.
    const oldest = PULLS.map((pr) => github.hold(headSha(pr, 1)));
    // Three pushes per pull request, 100 ms apart, the ten pull requests interleaved.
    for (const k of HEADS) {
      await Promise.all(PULLS.map((pr) => deliver(pr, k)));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // GitHub redelivers the newest pushes: nothing new may be enqueued.
    await Promise.all(PULLS.map((pr) => deliver(pr, 3)));

    await waitUntil(
      () =>
        PULLS.every((pr) =>
          github.commentsOf(pr)[0]?.body.includes(queueName(pr, 3)),
        ),
      'the newest heads to post',
      100_000,
    );
    oldest.forEach((hold) => hold.release());
    await waitUntil(
      async () => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed');
        const idle =
          (counts.waiting ?? 0) +
            (counts.active ?? 0) +
            (counts.delayed ?? 0) ===
          0;
        const done = (pr: number, k: number): boolean =>
          github
            .checkRunsOf(headSha(pr, k))
            .every((run) => run.status === 'completed');
        return idle && PULLS.every((pr) => done(pr, 1) && done(pr, 3));
      },
      'every pull request to be analyzed',
      100_000,
    );

    for (const pr of PULLS) {
      const comments = github.commentsOf(pr);
      expect(comments).toHaveLength(1);
      const body = comments[0]!.body;
      expect(body).toContain(queueName(pr, 3));
      expect(body).toContain(headSha(pr, 3).slice(0, 7));
      expect(body).not.toContain(queueName(pr, 1));
      expect(body).not.toContain(queueName(pr, 2));
      expect(newestCheckRun(pr)?.conclusion).toBe('neutral');
      const stale = github
        .checkRunsOf(headSha(pr, 1))
        .map((run) => run.conclusion);
      expect(stale).toEqual(['skipped']);
    }
    const counts = await queue.getJobCounts('completed', 'failed');
    expect(counts).toEqual({ completed: 30, failed: 0 });
    const logged = (msg: string): number =>
      roles
        .slice(1)
        .flatMap((role) => role.lines)
        .filter((line) => line.msg === msg).length;
    // Both workers took jobs (which of them posts the newest heads is up to
    // timing), and stale jobs were dropped on both sides of an analysis.
    const handled = new Set<unknown>([
      'pull request analyzed',
      'job superseded by a newer head; dropped before analysis',
      'result not posted: a newer head superseded it',
    ]);
    expect(
      roles.slice(1).every((r) => r.lines.some((l) => handled.has(l.msg))),
    ).toBe(true);
    expect(
      logged('job superseded by a newer head; dropped before analysis'),
    ).toBeGreaterThan(0);
    expect(
      logged('result not posted: a newer head superseded it'),
    ).toBeGreaterThan(0);
    process.stderr.write(
      `scale-out: ${logged('pull request analyzed')} posted, ` +
        `${logged('job superseded by a newer head; dropped before analysis')} dropped before, ` +
        `${logged('result not posted: a newer head superseded it')} dropped after analysis\n`,
    );
  }, 120_000);

  function newestCheckRun(pr: number) {
    return github.checkRunsOf(headSha(pr, 3)).at(-1);
  }

  async function deliver(pr: number, k: number): Promise<void> {
    const payload = pullRequestPayload(k === 1 ? 'opened' : 'synchronize', {
      headSha: headSha(pr, k),
    });
    payload.number = pr;
    payload.pull_request.number = pr;
    const body = JSON.stringify(payload);
    const signature = createHmac('sha256', WEBHOOK_SECRET)
      .update(body)
      .digest('hex');
    const response = await fetch(webhooks, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': randomUUID(),
        'x-hub-signature-256': `sha256=${signature}`,
      },
      body,
    });
    expect(response.status).toBe(200);
  }
});
