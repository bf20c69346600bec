import { analyzeQueues, literal, queueNamed } from './analyze-queues.js';

const QUEUES = `import { Queue, Worker, QueueEvents } from 'bullmq';
export const emailQueue = new Queue('email', {
  prefix: 'app',
  defaultJobOptions: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: true,
    removeOnFail: { count: 500 },
  },
});
export const worker = new Worker('email', async (job) => job.data, {
  concurrency: 5,
  limiter: { max: 10, duration: 1000 },
  lockDuration: 30000,
  stalledInterval: 15000,
  maxStalledCount: 2,
});
export const events = new QueueEvents('email');
`;

const PRODUCER = `import { emailQueue } from './queues';
export async function signUp(userId: string) {
  await emailQueue.add('welcome', { userId }, { attempts: 5, delay: 100 });
  await emailQueue.addBulk([{ name: 'digest', data: {} }, { name: 'reminder', data: {} }]);
  const seen = new Set<string>();
  seen.add(userId);
}
`;

describe('queues analyzer: BullMQ', () => {
  it('merges the queue, its worker, events and producers in other files into one row', async () => {
    const model = await analyzeQueues({
      'src/queues.ts': QUEUES,
      'src/producer.ts': PRODUCER,
    });

    expect(model.queues).toEqual([
      {
        name: 'email',
        library: 'bullmq',
        jobNames: ['digest', 'reminder', 'welcome'],
        options: {
          attempts: literal(3, '3', 'src/queues.ts:5'),
          'backoff.delay': literal(1000, '1000', 'src/queues.ts:6'),
          'backoff.type': literal(
            'exponential',
            "'exponential'",
            'src/queues.ts:6',
          ),
          concurrency: literal(5, '5', 'src/queues.ts:12'),
          delay: literal(100, '100', 'src/producer.ts:3'),
          'job.welcome.attempts': literal(5, '5', 'src/producer.ts:3'),
          'limiter.duration': literal(1000, '1000', 'src/queues.ts:13'),
          'limiter.max': literal(10, '10', 'src/queues.ts:13'),
          lockDuration: literal(30000, '30000', 'src/queues.ts:14'),
          maxStalledCount: literal(2, '2', 'src/queues.ts:16'),
          prefix: literal('app', "'app'", 'src/queues.ts:3'),
          removeOnComplete: literal(true, 'true', 'src/queues.ts:7'),
          removeOnFail: literal(
            { count: 500 },
            '{ count: 500 }',
            'src/queues.ts:8',
          ),
          stalledInterval: literal(15000, '15000', 'src/queues.ts:15'),
        },
        sites: [
          { file: 'src/producer.ts', line: 3, role: 'producer' },
          { file: 'src/producer.ts', line: 4, role: 'producer' },
          { file: 'src/queues.ts', line: 2, role: 'definition' },
          { file: 'src/queues.ts', line: 11, role: 'consumer' },
          { file: 'src/queues.ts', line: 18, role: 'events' },
        ],
      },
    ]);
  });

  it('owns one Redis key pattern per queue, under its prefix', async () => {
    const model = await analyzeQueues({ 'src/queues.ts': QUEUES });

    expect(model.redisKeys).toEqual([
      {
        pattern: 'app:email:*',
        operations: ['queue'],
        lifetime: 'ephemeral',
        ownedBy: 'bullmq:email',
        sites: [{ file: 'src/queues.ts', line: 2, role: 'definition' }],
      },
    ]);
  });

  it('keeps the default prefix and a durable lifetime when jobs are kept', async () => {
    const model = await analyzeQueues({
      'src/q.ts': `import { Queue } from 'bullmq';
const q = new Queue('reports', { defaultJobOptions: { removeOnComplete: 100 } });`,
    });

    expect(model.redisKeys).toEqual([
      {
        pattern: 'bull:reports:*',
        operations: ['queue'],
        lifetime: 'durable',
        ownedBy: 'bullmq:reports',
        sites: [{ file: 'src/q.ts', line: 2, role: 'definition' }],
      },
    ]);
  });

  it.each([
    [
      'pattern',
      `{ pattern: '0 * * * *' }`,
      '0 * * * *',
      'repeat.pattern',
      '0 * * * *',
    ],
    [
      'cron',
      `{ cron: '*/5 * * * *' }`,
      '*/5 * * * *',
      'repeat.pattern',
      '*/5 * * * *',
    ],
    ['every', `{ every: 60000 }`, 'every 60000ms', 'repeat.every', 60000],
  ])(
    'turns a repeatable job with %s into a queue-unique schedule',
    async (_label, repeat, expression, key, value) => {
      const model = await analyzeQueues({
        'src/cron.ts': `import { Queue } from 'bullmq';
const q = new Queue('maintenance');
await q.add('cleanup', {}, { repeat: ${repeat} });`,
      });

      expect(model.schedules).toEqual([
        {
          kind: 'bullmq-repeat',
          expression,
          task: 'cleanup',
          guard: 'queue-unique',
          guardDetail: expect.stringContaining(
            'BullMQ keeps one repeatable job in Redis',
          ) as string,
          sites: [{ file: 'src/cron.ts', line: 3, role: 'schedule' }],
        },
      ]);
      expect(queueNamed(model, 'maintenance').options[key]).toMatchObject({
        value,
      });
      expect(queueNamed(model, 'maintenance').jobNames).toEqual(['cleanup']);
    },
  );

  it('reads a job scheduler, named after its template or its id', async () => {
    const model = await analyzeQueues({
      'src/sched.ts': `import { Queue } from 'bullmq';
const q = new Queue('maintenance');
await q.upsertJobScheduler('nightly', { pattern: '0 3 * * *' }, { name: 'vacuum', opts: { attempts: 2 } });
await q.upsertJobScheduler('heartbeat', { every: 5000 });`,
    });

    expect(model.schedules).toEqual([
      expect.objectContaining({
        kind: 'bullmq-job-scheduler',
        expression: 'every 5000ms',
        task: 'heartbeat',
        sites: [{ file: 'src/sched.ts', line: 4, role: 'schedule' }],
      }),
      expect.objectContaining({
        kind: 'bullmq-job-scheduler',
        expression: '0 3 * * *',
        task: 'vacuum',
        guard: 'queue-unique',
        guardDetail: expect.stringContaining(
          "job scheduler 'nightly'",
        ) as string,
      }),
    ]);
    const queue = queueNamed(model, 'maintenance');
    expect(queue.jobNames).toEqual(['heartbeat', 'vacuum']);
    expect(queue.options).toEqual({
      attempts: literal(2, '2', 'src/sched.ts:3'),
      'repeat.every': literal(5000, '5000', 'src/sched.ts:4'),
      'repeat.pattern': literal('0 3 * * *', "'0 3 * * *'", 'src/sched.ts:3'),
    });
  });

  it('gives every queue of a flow, children included, a producer site', async () => {
    const model = await analyzeQueues({
      'src/flow.ts': `import { FlowProducer } from 'bullmq';
const flow = new FlowProducer({ connection: { host: 'redis' } });
await flow.add({
  name: 'render-movie',
  queueName: 'movies',
  children: [
    { name: 'render-scene', queueName: 'scenes', data: {} },
    {
      name: 'mix-audio',
      queueName: 'audio',
      opts: { attempts: 4 },
      children: [{ name: 'fetch-track', queueName: 'downloads' }],
    },
  ],
});`,
    });

    expect(
      model.queues.map((q) => ({
        name: q.name,
        jobs: q.jobNames,
        sites: q.sites,
        options: q.options,
      })),
    ).toEqual([
      {
        name: 'audio',
        jobs: ['mix-audio'],
        sites: [{ file: 'src/flow.ts', line: 8, role: 'producer' }],
        options: { attempts: literal(4, '4', 'src/flow.ts:11') },
      },
      {
        name: 'downloads',
        jobs: ['fetch-track'],
        sites: [{ file: 'src/flow.ts', line: 12, role: 'producer' }],
        options: {},
      },
      {
        name: 'movies',
        jobs: ['render-movie'],
        sites: [{ file: 'src/flow.ts', line: 3, role: 'producer' }],
        options: {},
      },
      {
        name: 'scenes',
        jobs: ['render-scene'],
        sites: [{ file: 'src/flow.ts', line: 7, role: 'producer' }],
        options: {},
      },
    ]);
  });

  it('keeps per-job options under the job when a default already states them', async () => {
    const model = await analyzeQueues({
      'src/q.ts': `import { Queue } from 'bullmq';
const q = new Queue('pdf', { defaultJobOptions: { attempts: 2 } });
await q.add('invoice', {}, { attempts: 6, priority: 1 });
await q.add('receipt', {}, { priority: 3 });`,
    });

    expect(queueNamed(model, 'pdf').options).toEqual({
      attempts: literal(2, '2', 'src/q.ts:2'),
      'job.invoice.attempts': literal(6, '6', 'src/q.ts:3'),
      'job.invoice.priority': literal(1, '1', 'src/q.ts:3'),
      'job.receipt.priority': literal(3, '3', 'src/q.ts:4'),
    });
  });

  it('reads a namespace import and require() alike', async () => {
    const model = await analyzeQueues({
      'src/a.ts': `import * as bullmq from 'bullmq';
const q = new bullmq.Queue('alpha');`,
      'src/b.js': `const { Worker } = require('bullmq');
const w = new Worker('beta', async () => {});`,
    });

    expect(model.queues.map((q) => [q.name, q.library, q.sites])).toEqual([
      ['alpha', 'bullmq', [{ file: 'src/a.ts', line: 2, role: 'definition' }]],
      ['beta', 'bullmq', [{ file: 'src/b.js', line: 2, role: 'consumer' }]],
    ]);
  });

  it('never reports credentials from connection options', async () => {
    const model = await analyzeQueues({
      'src/q.ts': `import { Queue } from 'bullmq';
const q = new Queue('secure', { connection: { host: 'redis', password: 'hunter2' } });`,
    });

    expect(Object.keys(queueNamed(model, 'secure').options)).toEqual([
      'connection.host',
    ]);
  });
});
