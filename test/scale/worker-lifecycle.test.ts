import { Redis } from 'ioredis';
import { analysisJobId } from '../../src/runner/analysis-job.js';
import type { QueueRunner } from '../../src/runner/queue-runner.js';
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
import { pushJob, testProducer } from './helpers/enqueue.js';
import { FakeGitHub, MERGE_BASE } from './helpers/fake-github.js';
import type { RoleProcess } from './helpers/spawn-role.js';
import { killRoles, roleEnv, spawnRole } from './helpers/spawn-role.js';
import { waitUntil } from './helpers/wait-until.js';

const available = await redisAvailable();
const describeRedis = available ? describe : describe.skip;

describeRedis(
  'worker processes: crash, SIGTERM and the shutdown timeout',
  () => {
    const redis = new Redis(TEST_REDIS_URL);
    const github = new FakeGitHub();
    const roles: RoleProcess[] = [];
    const prefixes: string[] = [];
    const producers: QueueRunner[] = [];
    let host = '';

    beforeAll(async () => {
      await github.commit(MERGE_BASE, baseFiles);
      for (const pr of [1, 2, 3, 4]) {
        await github.commit(headSha(pr, 1), headFiles(pr, 1));
      }
      host = await github.listen();
    });

    afterAll(async () => {
      await killRoles(roles);
      await Promise.all(producers.map((producer) => producer.close()));
      await github.close();
      for (const prefix of prefixes) {
        await deleteByPrefix(redis, prefix);
      }
      redis.disconnect();
    });

    /** A queue of the test's own and a worker started on it. */
    async function setup(label: string, env: Record<string, string> = {}) {
      const prefix = testPrefix(label).slice(0, -1);
      prefixes.push(prefix);
      const producer = testProducer(redis, prefix);
      producers.push(producer);
      const workerEnv = { ...roleEnv(host, prefix), ...env };
      const start = async (): Promise<RoleProcess> => {
        const role = spawnRole('worker', workerEnv);
        roles.push(role);
        await role.waitFor((line) => line.msg === 'worker started');
        return role;
      };
      return { producer, start, worker: await start() };
    }

    async function stateOf(producer: QueueRunner, pr: number): Promise<string> {
      return producer.queue.getJobState(analysisJobId(pushJob(pr, 1)));
    }

    it('picks up the job of a worker killed mid-analysis (stall detection) and completes it', async () => {
      const { producer, start, worker } = await setup('sigkill', {
        WORKER_LOCK_DURATION_MS: '2000',
        WORKER_STALLED_INTERVAL_MS: '500',
      });
      const hold = github.hold(headSha(1, 1));
      await producer.enqueue(pushJob(1, 1));
      await hold.arrived;

      worker.child.kill('SIGKILL');
      expect(await worker.exited).toEqual({ code: null, signal: 'SIGKILL' });
      hold.release();
      const second = await start();

      await waitUntil(
        async () => (await stateOf(producer, 1)) === 'completed',
        'the job',
        20_000,
      );
      expect(github.commentsOf(1)).toHaveLength(1);
      expect(github.commentsOf(1)[0]?.body).toContain(queueName(1, 1));
      const job = await producer.queue.getJob(analysisJobId(pushJob(1, 1)));
      expect(job?.stalledCounter).toBe(1);
      expect(
        second.lines.some((line) => line.msg === 'pull request analyzed'),
      ).toBe(true);
    }, 60_000);

    it('lets the running analysis finish on SIGTERM, then exits 0 within the timeout', async () => {
      const { producer, worker } = await setup('sigterm', {
        SHUTDOWN_TIMEOUT_MS: '10000',
      });
      const hold = github.hold(headSha(2, 1));
      await producer.enqueue(pushJob(2, 1));
      await hold.arrived;

      const signalled = Date.now();
      worker.child.kill('SIGTERM');
      await worker.waitFor((line) => line.msg === 'shutdown started');
      setTimeout(() => hold.release(), 500);
      const exit = await worker.exited;

      expect(exit).toEqual({ code: 0, signal: null });
      expect(Date.now() - signalled).toBeLessThan(10_000);
      expect(await stateOf(producer, 2)).toBe('completed');
      expect(github.commentsOf(2)).toHaveLength(1);
      expect(
        worker.lines.find((line) => line.msg === 'shutdown finished'),
      ).toMatchObject({
        clean: true,
      });
    }, 60_000);

    it('past the timeout, hands the job back to the queue, exits 0, and another worker completes it', async () => {
      const { producer, start, worker } = await setup('release', {
        SHUTDOWN_TIMEOUT_MS: '500',
      });
      const hold = github.hold(headSha(3, 1));
      await producer.enqueue(pushJob(3, 1));
      await hold.arrived;

      const signalled = Date.now();
      worker.child.kill('SIGTERM');
      const exit = await worker.exited;

      expect(exit).toEqual({ code: 0, signal: null });
      expect(Date.now() - signalled).toBeLessThan(5000);
      expect(await stateOf(producer, 3)).toBe('waiting');
      expect(worker.lines.map((line) => line.msg)).toEqual(
        expect.arrayContaining([
          'shutdown timeout reached; releasing running jobs',
          'shutdown: job released for another worker',
        ]),
      );
      hold.release();
      await start();
      await waitUntil(
        async () => (await stateOf(producer, 3)) === 'completed',
        'the job',
        20_000,
      );
      expect(github.commentsOf(3)).toHaveLength(1);
    }, 60_000);

    it('exits at once on a second signal', async () => {
      const { producer, worker } = await setup('twice', {
        SHUTDOWN_TIMEOUT_MS: '30000',
      });
      const hold = github.hold(headSha(4, 1));
      await producer.enqueue(pushJob(4, 1));
      await hold.arrived;

      worker.child.kill('SIGTERM');
      await worker.waitFor((line) => line.msg === 'shutdown started');
      const signalled = Date.now();
      worker.child.kill('SIGINT');
      const exit = await worker.exited;

      expect(exit.code).toBe(130);
      expect(Date.now() - signalled).toBeLessThan(2000);
      hold.release();
    }, 60_000);
  },
);
