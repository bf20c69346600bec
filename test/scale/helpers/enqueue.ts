import type { Redis } from 'ioredis';
import pino from 'pino';
import type { PullRequestJob } from '../../../src/runner/analysis-job.js';
import { LatestHeads } from '../../../src/runner/latest-heads.js';
import { QueueRunner } from '../../../src/runner/queue-runner.js';
import { headSha } from './billing-heads.js';

/** The job a push of head `k` to pull request `pr` of acme/billing enqueues. */
export function pushJob(pr: number, k: number): PullRequestJob {
  return {
    kind: 'pr',
    deliveryId: `delivery-${pr}-${k}`,
    installationId: 4242,
    owner: 'acme',
    repo: 'billing',
    pullNumber: pr,
    defaultBranch: 'main',
    repoUrl: 'https://github.com/acme/billing',
    headSha: headSha(pr, k),
    baseRef: 'main',
  };
}

/** The web role's producer, in the test process. */
export function testProducer(redis: Redis, prefix: string): QueueRunner {
  return new QueueRunner({
    connection: redis,
    prefix,
    latestHeads: new LatestHeads(redis, { prefix }),
    log: pino({ level: 'silent' }),
  });
}
