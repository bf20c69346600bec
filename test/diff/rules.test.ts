import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffArchitectures } from '../../src/diff/diff-architectures.js';
import { diffRules } from '../../src/diff/rules/registry.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import {
  buildModel,
  expression,
  literal,
  queue,
  redisKey,
  retained,
  site,
} from './build-model.js';

interface RuleCase {
  name: string;
  rule: string;
  base: ArchitectureModel;
  head: ArchitectureModel;
  severity: string;
  message: string;
  at: [file: string, line: number, side: 'base' | 'head'];
  before?: string;
  after?: string;
}

const emails = (extra = {}) => queue('emails', { ...retained(), ...extra });
const withQueues = (...queues: ReturnType<typeof queue>[]) =>
  buildModel({ queues });
const schedule = (guard: 'leader' | 'unguarded') => ({
  kind: 'node-cron',
  expression: '0 * * * *',
  task: 'sendDigest',
  guard,
  sites: [site('src/cron.ts', 5, 'schedule')],
});
const election = (ttl: number, renewed = true) => ({
  mechanism: 'leader-lock',
  key: 'leader:cron',
  ttl: literal(ttl, 'src/leader.ts', 9),
  renewed,
  guards: ['sendDigest'],
  sites: [site('src/leader.ts', 8, 'lock')],
});
const channel = {
  channel: 'orders:updated',
  transport: 'redis',
  publishers: [site('src/publish.ts', 4, 'publisher')],
  subscribers: [site('src/subscribe.ts', 6, 'subscriber')],
  pattern: false,
  sites: [],
};
const pushPath = (complete: boolean) => ({
  transport: 'socket.io',
  channel: 'orders:updated',
  complete,
  hops: [
    {
      step: 'worker-publish',
      detail: 'publish',
      site: site('src/worker.ts', 12, 'publish'),
    },
    ...(complete
      ? [
          {
            step: 'socket-send',
            detail: 'emit',
            site: site('src/ws.ts', 30, 'emit'),
          },
        ]
      : []),
  ],
  sites: [site('src/worker.ts', 12, 'publish')],
});

const cases: RuleCase[] = [
  {
    name: 'a new queue',
    rule: 'queue-added',
    base: withQueues(),
    head: withQueues(emails()),
    severity: 'info',
    message: 'Queue `emails` (bullmq) is added.',
    at: ['src/queues.ts', 3, 'head'],
  },
  {
    name: 'a removed queue',
    rule: 'queue-removed',
    base: withQueues(emails()),
    head: withQueues(),
    severity: 'warning',
    message: 'Queue `emails` (bullmq) is removed.',
    at: ['src/queues.ts', 3, 'base'],
  },
  {
    name: 'attempts changed',
    rule: 'retry-changed',
    base: withQueues(emails({ attempts: literal(3, 'src/queues.ts', 6) })),
    head: withQueues(emails({ attempts: literal(5, 'src/queues.ts', 6) })),
    severity: 'warning',
    message: 'Queue `emails` (bullmq): attempts 3 → 5.',
    at: ['src/queues.ts', 6, 'head'],
    before: '3',
    after: '5',
  },
  {
    name: 'backoff type added on a job',
    rule: 'retry-changed',
    base: withQueues(emails()),
    head: withQueues(
      emails({
        'job.welcome.backoff.type': literal('exponential', 'src/a.ts', 9),
      }),
    ),
    severity: 'warning',
    message:
      'Queue `emails` (bullmq): job.welcome.backoff.type set to exponential (was unset).',
    at: ['src/a.ts', 9, 'head'],
    after: 'exponential',
  },
  {
    name: 'backoff delay removed',
    rule: 'retry-changed',
    base: withQueues(
      emails({ 'backoff.delay': literal(1000, 'src/queues.ts', 7) }),
    ),
    head: withQueues(emails()),
    severity: 'warning',
    message:
      'Queue `emails` (bullmq): backoff.delay 1000 removed (library default applies).',
    at: ['src/queues.ts', 7, 'base'],
    before: '1000',
  },
  {
    name: 'concurrency to a dynamic value',
    rule: 'concurrency-changed',
    base: withQueues(emails({ concurrency: literal(5, 'src/worker.ts', 4) })),
    head: withQueues(
      emails({
        concurrency: expression('env.CONCURRENCY', 'src/worker.ts', 4),
      }),
    ),
    severity: 'info',
    message: 'Queue `emails` (bullmq): concurrency 5 → `env.CONCURRENCY`.',
    at: ['src/worker.ts', 4, 'head'],
    before: '5',
    after: '`env.CONCURRENCY`',
  },
  {
    name: 'limiter max changed',
    rule: 'limiter-changed',
    base: withQueues(
      emails({ 'limiter.max': literal(10, 'src/worker.ts', 5) }),
    ),
    head: withQueues(
      emails({ 'limiter.max': literal(100, 'src/worker.ts', 5) }),
    ),
    severity: 'info',
    message: 'Queue `emails` (bullmq): limiter.max 10 → 100.',
    at: ['src/worker.ts', 5, 'head'],
    before: '10',
    after: '100',
  },
  {
    name: 'lockDuration changed',
    rule: 'stall-settings-changed',
    base: withQueues(
      emails({ lockDuration: literal(30000, 'src/worker.ts', 6) }),
    ),
    head: withQueues(
      emails({ lockDuration: literal(5000, 'src/worker.ts', 6) }),
    ),
    severity: 'warning',
    message: 'Queue `emails` (bullmq): lockDuration 30000 → 5000.',
    at: ['src/worker.ts', 6, 'head'],
    before: '30000',
    after: '5000',
  },
  {
    name: 'a new queue without retention',
    rule: 'job-retention-missing',
    base: withQueues(),
    head: withQueues(
      queue('emails', { removeOnComplete: literal(true, 'src/queues.ts', 4) }),
    ),
    severity: 'warning',
    message: 'Queue `emails` (bullmq) sets no removeOnFail.',
    at: ['src/queues.ts', 3, 'head'],
  },
  {
    name: 'producers left without a worker',
    rule: 'consumer-missing',
    base: withQueues(emails()),
    head: withQueues({
      ...emails(),
      sites: [site('src/api.ts', 15, 'producer')],
    }),
    severity: 'error',
    message:
      'Queue `emails` (bullmq) has producers but no worker or consumer in this repository.',
    at: ['src/api.ts', 15, 'head'],
  },
  {
    name: 'a worker left without producers',
    rule: 'producer-missing',
    base: withQueues(emails()),
    head: withQueues({
      ...emails(),
      sites: [site('src/worker.ts', 8, 'worker')],
    }),
    severity: 'info',
    message:
      'Queue `emails` (bullmq) has a consumer but nothing in this repository adds jobs to it.',
    at: ['src/worker.ts', 8, 'head'],
  },
  {
    name: 'a new unclosed worker',
    rule: 'shutdown-missing',
    base: buildModel(),
    head: buildModel({
      unclosed: [
        {
          resource: 'worker:emails',
          sites: [site('src/worker.ts', 8, 'worker')],
        },
      ],
    }),
    severity: 'warning',
    message: '`worker:emails` is not closed by any shutdown path.',
    at: ['src/worker.ts', 8, 'head'],
  },
  {
    name: 'enableShutdownHooks removed',
    rule: 'shutdown-missing',
    base: buildModel({
      shutdown: [
        {
          trigger: 'enableShutdownHooks',
          closes: ['worker:emails'],
          sites: [site('src/main.ts', 12, 'shutdown')],
        },
      ],
    }),
    head: buildModel(),
    severity: 'warning',
    message:
      'The `enableShutdownHooks` shutdown handler is removed (closed worker:emails).',
    at: ['src/main.ts', 12, 'base'],
  },
  {
    name: 'a new key',
    rule: 'redis-key-added',
    base: buildModel(),
    head: buildModel({
      redisKeys: [redisKey('session:{userId}', { lifetime: 'ephemeral' })],
    }),
    severity: 'info',
    message: 'Redis key `session:{userId}` is new (set).',
    at: ['src/cache.ts', 7, 'head'],
  },
  {
    name: 'a key no longer used',
    rule: 'redis-key-removed',
    base: buildModel({
      redisKeys: [redisKey('session:{userId}', { lifetime: 'ephemeral' })],
    }),
    head: buildModel(),
    severity: 'info',
    message: 'Redis key `session:{userId}` is no longer used.',
    at: ['src/cache.ts', 7, 'base'],
  },
  {
    name: 'a new key without TTL',
    rule: 'redis-key-no-ttl',
    base: buildModel(),
    head: buildModel({ redisKeys: [redisKey('seen:{orderId}')] }),
    severity: 'warning',
    message: 'Redis key `seen:{orderId}` is written with no TTL.',
    at: ['src/cache.ts', 7, 'head'],
  },
  {
    name: 'a key that lost its TTL',
    rule: 'redis-key-no-ttl',
    base: buildModel({
      redisKeys: [
        redisKey('seen:{orderId}', {
          lifetime: 'ephemeral',
          ttl: literal(60, 'src/cache.ts', 8),
        }),
      ],
    }),
    head: buildModel({ redisKeys: [redisKey('seen:{orderId}')] }),
    severity: 'warning',
    message: 'Redis key `seen:{orderId}` lost its TTL (was 60).',
    at: ['src/cache.ts', 7, 'head'],
    before: '60',
    after: 'none',
  },
  {
    name: 'a new channel',
    rule: 'pubsub-channel-added',
    base: buildModel(),
    head: buildModel({ pubsub: [channel] }),
    severity: 'info',
    message: 'Pub/sub channel `orders:updated` (redis) is added.',
    at: ['src/publish.ts', 4, 'head'],
  },
  {
    name: 'a removed channel',
    rule: 'pubsub-channel-removed',
    base: buildModel({ pubsub: [channel] }),
    head: buildModel(),
    severity: 'warning',
    message: 'Pub/sub channel `orders:updated` (redis) is removed.',
    at: ['src/publish.ts', 4, 'base'],
  },
  {
    name: 'a new guarded schedule',
    rule: 'schedule-added',
    base: buildModel(),
    head: buildModel({ schedules: [schedule('leader')] }),
    severity: 'info',
    message:
      'Schedule `0 * * * *` running `sendDigest` (node-cron) is added (guard: leader).',
    at: ['src/cron.ts', 5, 'head'],
  },
  {
    name: 'a schedule that lost its guard',
    rule: 'schedule-unguarded',
    base: buildModel({ schedules: [schedule('leader')] }),
    head: buildModel({ schedules: [schedule('unguarded')] }),
    severity: 'warning',
    message:
      'Schedule `0 * * * *` running `sendDigest` (node-cron) lost its guard: leader → unguarded.',
    at: ['src/cron.ts', 5, 'head'],
    before: 'leader',
    after: 'unguarded',
  },
  {
    name: 'a new unguarded schedule',
    rule: 'schedule-unguarded',
    base: buildModel(),
    head: buildModel({ schedules: [schedule('unguarded')] }),
    severity: 'warning',
    message:
      'Schedule `0 * * * *` running `sendDigest` (node-cron) has no leader election, lock or unique job.',
    at: ['src/cron.ts', 5, 'head'],
  },
  {
    name: 'a lock TTL changed',
    rule: 'leader-election-changed',
    base: buildModel({ leaderElection: [election(30000)] }),
    head: buildModel({ leaderElection: [election(10000)] }),
    severity: 'warning',
    message:
      'Leader election leader-lock on `leader:cron`: lock TTL 30000 → 10000.',
    at: ['src/leader.ts', 9, 'head'],
    before: '30000',
    after: '10000',
  },
  {
    name: 'a lock no longer renewed',
    rule: 'leader-election-changed',
    base: buildModel({ leaderElection: [election(30000)] }),
    head: buildModel({ leaderElection: [election(30000, false)] }),
    severity: 'warning',
    message:
      'Leader election leader-lock on `leader:cron` is no longer renewed.',
    at: ['src/leader.ts', 8, 'head'],
  },
  {
    name: 'a removed dead-letter item',
    rule: 'dead-letter-removed',
    base: buildModel({
      queues: [emails()],
      failureHandling: [
        {
          kind: 'dead-letter',
          queue: 'emails',
          detail: 'failed jobs moved to emails-dlq',
          sites: [site('src/worker.ts', 40, 'failed')],
        },
      ],
    }),
    head: withQueues(emails()),
    severity: 'warning',
    message:
      'Dead-letter handling of queue `emails` is removed: failed jobs moved to emails-dlq.',
    at: ['src/worker.ts', 40, 'base'],
  },
  {
    name: 'a removed deadLetterExchange option',
    rule: 'dead-letter-removed',
    base: withQueues(
      queue(
        'orders',
        { deadLetterExchange: literal('dlx', 'src/amqp.ts', 11) },
        'src/amqp.ts',
        'amqplib',
      ),
    ),
    head: withQueues(queue('orders', {}, 'src/amqp.ts', 'amqplib')),
    severity: 'warning',
    message: 'Queue `orders` (amqplib) no longer sets deadLetterExchange.',
    at: ['src/amqp.ts', 11, 'base'],
  },
  {
    name: 'a new swallowed error',
    rule: 'error-swallowed-added',
    base: withQueues(emails()),
    head: buildModel({
      queues: [emails()],
      failureHandling: [
        {
          kind: 'error-swallowed',
          queue: 'emails',
          detail: 'empty catch in processor',
          sites: [site('src/worker.ts', 22, 'catch')],
        },
      ],
    }),
    severity: 'warning',
    message:
      'An error is swallowed in queue `emails`: empty catch in processor.',
    at: ['src/worker.ts', 22, 'head'],
  },
  {
    name: 'a push path that lost its last hop',
    rule: 'push-path-broken',
    base: buildModel({ pushPaths: [pushPath(true)] }),
    head: buildModel({ pushPaths: [pushPath(false)] }),
    severity: 'warning',
    message:
      'Push path to socket.io via `orders:updated` is no longer complete: no socket-send found.',
    at: ['src/worker.ts', 12, 'head'],
  },
];

describe('diff rules', () => {
  it.each(cases)('$rule: $name', (c) => {
    const findings = diffArchitectures(c.base, c.head).findings.filter(
      (f) => f.rule === c.rule,
    );

    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({
      severity: c.severity,
      message: c.message,
      file: c.at[0],
      line: c.at[1],
      side: c.at[2],
    });
    expect(finding?.before).toBe(c.before);
    if (c.after !== undefined) {
      expect(finding?.after).toBe(c.after);
    }
    expect(finding?.why.length).toBeGreaterThan(20);
    expect(finding?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('has a case for every registered rule', () => {
    const covered = new Set(cases.map((c) => c.rule));

    expect(
      diffRules.map((rule) => rule.id).filter((id) => !covered.has(id)),
    ).toEqual([]);
  });

  it('documents every rule with its default severity', () => {
    const readme = readFileSync(
      join(import.meta.dirname, '../../src/diff/rules/README.md'),
      'utf8',
    );

    for (const rule of diffRules) {
      expect(readme).toMatch(
        new RegExp(`\\| \`${rule.id}\` +\\| ${rule.severity} +\\|`),
      );
    }
  });

  it.each(cases)('$rule is quiet when nothing changed: $name', (c) => {
    expect(diffArchitectures(c.head, c.head).findings).toEqual([]);
  });
});
