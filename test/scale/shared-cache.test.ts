import { Redis } from 'ioredis';
import { Probot } from 'probot';
import { RedisFactCache } from '../../src/facts/redis-fact-cache.js';
import { jobDepsFromProbot } from '../../src/github/analysis-job-deps.js';
import { analysisJobId } from '../../src/runner/analysis-job.js';
import { createAnalysisWorker } from '../../src/runner/analysis-worker.js';
import { LatestHeads } from '../../src/runner/latest-heads.js';
import { AppMetrics } from '../../src/server/app-metrics.js';
import { MeteredFactCache } from '../../src/server/metered-fact-cache.js';
import { queuedJobHandler } from '../../src/server/queued-job-handler.js';
import { captureLog } from '../github/helpers/capture-log.js';
import {
  APP_ID,
  TestOctokit,
  testPrivateKey,
} from '../github/helpers/test-app.js';
import {
  TEST_REDIS_URL,
  deleteByPrefix,
  redisAvailable,
  testPrefix,
} from '../helpers/redis.js';
import { baseFiles, headFiles, headSha } from './helpers/billing-heads.js';
import { pushJob, testProducer } from './helpers/enqueue.js';
import { FakeGitHub, MERGE_BASE } from './helpers/fake-github.js';
import { waitUntil } from './helpers/wait-until.js';

/** Eight modules every commit shares, each naming a construct the analyzers parse. */
const shared: Record<string, string> = Object.fromEntries(
  Array.from({ length: 8 }, (_, i) => [
    `src/keys/key-${i}.ts`,
    `import { connection } from '../redis';\n` +
      `export const touch${i} = (id: string) => connection.set(\`k${i}:\${id}\`, '1', 'EX', 60);\n`,
  ]),
);

const available = await redisAvailable();
const describeRedis = available ? describe : describe.skip;

describeRedis(
  'the shared fact cache, through the queue worker (real Redis)',
  () => {
    const prefix = testPrefix('cache').slice(0, -1);
    const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const github = new FakeGitHub();
    const producer = testProducer(redis, prefix);
    const { log, lines } = captureLog('info');
    const metrics = new AppMetrics();
    let close = (): Promise<void> => Promise.resolve();

    beforeAll(async () => {
      await github.commit(MERGE_BASE, { ...baseFiles, ...shared });
      await github.commit(headSha(1, 1), { ...headFiles(1, 1), ...shared });
      await github.commit(headSha(2, 1), { ...headFiles(2, 1), ...shared });
      const host = await github.listen();
      const probot = new Probot({
        appId: APP_ID,
        privateKey: testPrivateKey(),
        baseUrl: `http://${host}/api/v3`,
        Octokit: TestOctokit,
        log,
      });
      const cache = new RedisFactCache(redis, {
        prefix: `${prefix}:facts:`,
        ttlSeconds: 60,
      });
      const deps = jobDepsFromProbot(probot, {
        appSlug: 'scaling-report',
        cache: new MeteredFactCache(cache, metrics.cache),
        log,
      });
      const worker = createAnalysisWorker({
        connection: redis,
        prefix,
        handler: queuedJobHandler(deps),
        latestHeads: new LatestHeads(redis, { prefix }),
        log,
        concurrency: 1,
      });
      close = () => worker.close();
    });

    afterAll(async () => {
      await close();
      await producer.close();
      await github.close();
      await deleteByPrefix(redis, prefix);
      redis.disconnect();
    });

    /** Files parsed per analyzed commit, from the pipeline's log line. */
    function parsedBy(sha: string): number[] {
      return lines
        .filter((line) => line.msg === 'analysis finished' && line.sha === sha)
        .map((line) => Number(line.parsed));
    }

    it('parses only the files a pull request changed once the cache is warm', async () => {
      for (const pr of [1, 2]) {
        await producer.enqueue(pushJob(pr, 1));
        await waitUntil(
          async () =>
            (await producer.queue.getJobState(
              analysisJobId(pushJob(pr, 1)),
            )) === 'completed',
          `pull request ${pr}`,
        );
      }

      // PR 1: the base is parsed in full; its head only parses the new queue module.
      expect(parsedBy(MERGE_BASE)[0]).toBeGreaterThanOrEqual(9);
      expect(parsedBy(headSha(1, 1))).toEqual([1]);
      // PR 2 on the same repository: the base costs nothing (its model is
      // reused whole), the head one file.
      expect(parsedBy(MERGE_BASE)[1]).toBe(0);
      expect(
        lines.filter(
          (line) =>
            line.msg === 'analysis finished' &&
            line.sha === MERGE_BASE &&
            line.reused === true,
        ),
      ).toHaveLength(1);
      expect(parsedBy(headSha(2, 1))).toEqual([1]);
      expect(github.commentsOf(1)).toHaveLength(1);
      expect(github.commentsOf(2)).toHaveLength(1);
      expect(metrics.cache.hits).toBeGreaterThan(metrics.cache.misses);
      const keys = await redis.keys(`${prefix}:facts:*`);
      const ttls = await Promise.all(keys.map((key) => redis.ttl(key)));
      expect(ttls.every((ttl) => ttl > 0 && ttl <= 60)).toBe(true);
    }, 30_000);
  },
);
