import { emptyModel } from '../../../src/model/empty-model.js';
import type {
  ArchitectureModel,
  OptionValue,
  Site,
} from '../../../src/model/types.js';

const site = (file: string, line: number, role: string): Site => ({
  file,
  line,
  role,
});

const literal = (
  value: number | string | boolean,
  file: string,
  line: number,
): OptionValue => ({
  source: 'literal',
  value,
  text: JSON.stringify(value),
  file,
  line,
});

/**
 * A model shaped like examples/orders-service, built by hand so renderer
 * tests do not depend on the analyzers: three processes, two queues (one
 * without retention), sessions with a TTL and an order status without one,
 * a leader-guarded and an unguarded schedule, a push path, and an unclosed
 * worker.
 */
export function richModel(): ArchitectureModel {
  const model = emptyModel('examples/orders-service');
  model.queues = [
    {
      name: 'orders',
      library: 'bullmq',
      jobNames: ['charge', 'ship'],
      options: {
        concurrency: {
          source: 'constant',
          value: 8,
          text: 'ORDER_CONCURRENCY',
          file: 'src/worker/index.ts',
          line: 12,
        },
        attempts: literal(5, 'src/queues/index.ts', 8),
        'backoff.type': literal('exponential', 'src/queues/index.ts', 9),
        'backoff.delay': literal(2000, 'src/queues/index.ts', 9),
        removeOnComplete: literal(1000, 'src/queues/index.ts', 10),
        removeOnFail: literal(5000, 'src/queues/index.ts', 11),
      },
      sites: [
        site('src/queues/index.ts', 6, 'definition'),
        site('src/web/server.ts', 21, 'producer'),
        site('src/worker/index.ts', 10, 'consumer'),
      ],
    },
    {
      name: 'emails',
      library: 'bullmq',
      jobNames: ['receipt'],
      options: {
        concurrency: {
          source: 'expression',
          text: 'Number(process.env.EMAIL_CONCURRENCY)',
          file: 'src/worker/emails.ts',
          line: 9,
        },
      },
      sites: [
        site('src/queues/index.ts', 15, 'definition'),
        site('src/worker/index.ts', 30, 'producer'),
        site('src/worker/emails.ts', 7, 'consumer'),
      ],
    },
  ];
  model.processes = [
    {
      name: 'web',
      entry: 'src/web/server.ts',
      kinds: ['web', 'websocket'],
      replicas: literal(3, 'docker-compose.yml', 9),
      startedBy: ['compose', 'package.json#start'],
      sites: [site('docker-compose.yml', 4, 'service')],
    },
    {
      name: 'worker',
      entry: 'src/worker/index.ts',
      kinds: ['worker'],
      replicas: literal(2, 'docker-compose.yml', 16),
      startedBy: ['compose'],
      sites: [site('docker-compose.yml', 12, 'service')],
    },
    {
      name: 'scheduler',
      entry: 'src/scheduler/index.ts',
      kinds: ['scheduler'],
      replicas: literal(1, 'docker-compose.yml', 22),
      startedBy: ['compose'],
      sites: [site('docker-compose.yml', 19, 'service')],
    },
  ];
  model.redisClients = [
    {
      library: 'ioredis',
      settings: {
        url: {
          source: 'expression',
          text: 'process.env.REDIS_URL',
          file: 'src/lib/redis.ts',
          line: 4,
        },
        maxRetriesPerRequest: literal('null', 'src/lib/redis.ts', 5),
      },
      sites: [site('src/lib/redis.ts', 4, 'client')],
    },
  ];
  model.redisKeys = [
    {
      pattern: 'session:{id}',
      operations: ['get', 'set'],
      ttl: literal(86400, 'src/lib/keys.ts', 6),
      ttlUnit: 's',
      lifetime: 'ephemeral',
      sites: [
        site('src/lib/keys.ts', 6, 'write'),
        site('src/web/server.ts', 30, 'read'),
      ],
    },
    {
      pattern: 'order:{id}:status',
      operations: ['set'],
      lifetime: 'durable',
      sites: [site('src/worker/index.ts', 18, 'write')],
    },
    {
      pattern: 'bull:orders:*',
      operations: ['zadd'],
      lifetime: 'durable',
      ownedBy: 'bullmq',
      sites: [site('src/queues/index.ts', 6, 'definition')],
    },
  ];
  model.pubsub = [
    {
      channel: 'order-events',
      transport: 'redis',
      publishers: [site('src/worker/index.ts', 20, 'publisher')],
      subscribers: [site('src/web/server.ts', 40, 'subscriber')],
      pattern: false,
      purpose: 'push',
      sites: [
        site('src/worker/index.ts', 20, 'publisher'),
        site('src/web/server.ts', 40, 'subscriber'),
      ],
    },
  ];
  model.leaderElection = [
    {
      mechanism: 'leader-lock',
      key: 'scheduler:leader',
      ttl: literal(15000, 'src/scheduler/index.ts', 8),
      renewed: true,
      guards: ['reconcileOrders'],
      sites: [
        site('src/scheduler/index.ts', 12, 'acquire'),
        site('src/scheduler/index.ts', 20, 'renew'),
      ],
    },
  ];
  model.schedules = [
    {
      kind: 'node-cron',
      expression: '*/5 * * * *',
      task: 'reconcileOrders',
      guard: 'leader',
      guardDetail: 'isLeader()',
      sites: [site('src/scheduler/index.ts', 30, 'schedule')],
    },
    {
      kind: 'setInterval',
      expression: '60000',
      task: 'refreshPriceCache',
      guard: 'unguarded',
      sites: [site('src/web/server.ts', 50, 'schedule')],
    },
  ];
  model.shutdown = [
    {
      trigger: 'SIGTERM',
      closes: ['worker:orders', 'redis'],
      timeout: literal(10000, 'src/worker/index.ts', 41),
      sites: [site('src/worker/index.ts', 40, 'handler')],
    },
    {
      trigger: 'SIGTERM',
      closes: ['server'],
      sites: [site('src/web/server.ts', 60, 'handler')],
    },
  ];
  model.unclosed = [
    {
      resource: 'worker:emails',
      sites: [site('src/worker/emails.ts', 7, 'consumer')],
    },
  ];
  model.failureHandling = [
    {
      kind: 'failed-listener',
      queue: 'orders',
      detail: "worker.on('failed') logs the job id",
      sites: [site('src/worker/index.ts', 25, 'listener')],
    },
    {
      kind: 'error-swallowed',
      queue: 'emails',
      detail: 'catch block returns without rethrowing',
      sites: [site('src/worker/emails.ts', 14, 'catch')],
    },
  ];
  model.pushPaths = [
    {
      transport: 'websocket',
      channel: 'order-events',
      complete: true,
      hops: [
        {
          step: 'worker-publish',
          detail: "publish('order-events')",
          site: site('src/worker/index.ts', 20, 'publisher'),
        },
        {
          step: 'subscriber',
          detail: "subscribe('order-events')",
          site: site('src/web/server.ts', 40, 'subscriber'),
        },
        {
          step: 'socket-send',
          detail: 'socket.send for each client',
          site: site('src/web/server.ts', 44, 'send'),
        },
      ],
      sites: [site('src/web/server.ts', 44, 'send')],
    },
  ];
  model.stats = {
    filesSeen: 14,
    filesScanned: 9,
    filesParsed: 8,
    skipped: [{ file: 'src/vendor.min.js', reason: 'minified' }],
    failedAnalyzers: [],
    durationMs: 12,
  };
  return model;
}
