import {
  analyzeQueues,
  constant,
  literal,
  queueNamed,
} from './analyze-queues.js';

describe('queues analyzer: names and options resolved across files', () => {
  it('resolves a queue name from a constant in another file', async () => {
    const model = await analyzeQueues({
      'src/names.ts': `export const EMAIL_QUEUE = 'email';`,
      'src/q.ts': `import { Queue } from 'bullmq';
import { EMAIL_QUEUE } from './names';
export const q = new Queue(EMAIL_QUEUE);`,
    });

    expect(model.queues.map((q) => [q.name, q.sites])).toEqual([
      ['email', [{ file: 'src/q.ts', line: 3, role: 'definition' }]],
    ]);
  });

  it('gives one worker per enum member of an Object.values loop', async () => {
    const model = await analyzeQueues({
      'src/jobs.ts': `export enum Jobs { Render = 'render', Upload = 'upload' }`,
      'src/workers.ts': `import { Worker } from 'bullmq';
import { Jobs } from './jobs';
for (const name of Object.values(Jobs)) {
  new Worker(name, async () => {}, { concurrency: 2 });
}`,
    });

    expect(model.queues).toEqual(
      ['render', 'upload'].map((name) => ({
        name,
        library: 'bullmq',
        jobNames: [],
        options: { concurrency: literal(2, '2', 'src/workers.ts:4') },
        sites: [{ file: 'src/workers.ts', line: 4, role: 'consumer' }],
      })),
    );
  });

  it('resolves a wrapper class whose constructor passes the name to super()', async () => {
    const model = await analyzeQueues({
      'src/config.ts': `export const MINUTE = 60 * 1000;
export const baseJobOptions = { attempts: 3, backoff: { type: 'fixed', delay: MINUTE } };`,
      'src/email-queue.ts': `import { Queue } from 'bullmq';
import { baseJobOptions } from './config';
export class EmailQueue extends Queue {
  constructor() {
    super('email', { defaultJobOptions: { ...baseJobOptions, attempts: 5 } });
  }
}
export class NamedQueue extends Queue {
  constructor(name: string, prefix: string) {
    super(name, { prefix });
  }
}`,
      'src/main.ts': `import { EmailQueue, NamedQueue } from './email-queue';
export const email = new EmailQueue();
export const audit = new NamedQueue('audit', 'ops');
export async function send() {
  await email.add('welcome', {});
}`,
    });

    expect(queueNamed(model, 'email')).toEqual({
      name: 'email',
      library: 'bullmq',
      jobNames: ['welcome'],
      options: {
        attempts: literal(5, '5', 'src/email-queue.ts:5'),
        'backoff.delay': constant(60000, 'MINUTE', 'src/config.ts:2'),
        'backoff.type': literal('fixed', "'fixed'", 'src/config.ts:2'),
      },
      sites: [
        { file: 'src/email-queue.ts', line: 5, role: 'definition' },
        { file: 'src/main.ts', line: 2, role: 'definition' },
        { file: 'src/main.ts', line: 5, role: 'producer' },
      ],
    });
    // The class passes its parameter on: only the call site names the queue.
    expect(queueNamed(model, 'audit')).toEqual({
      name: 'audit',
      library: 'bullmq',
      jobNames: [],
      options: { prefix: literal('ops', "'ops'", 'src/main.ts:3') },
      sites: [{ file: 'src/main.ts', line: 3, role: 'definition' }],
    });
    expect(model.queues).toHaveLength(2);
  });

  it('resolves options passed by variable, spread and an imported config object', async () => {
    const model = await analyzeQueues({
      'src/config.ts': `export default {
  queues: { billing: { name: 'billing', attempts: 4 } },
};`,
      'src/q.ts': `import { Queue, Worker } from 'bullmq';
import config from './config';
const defaults = { removeOnComplete: true, attempts: 1 };
const workerOptions = { concurrency: 8 };
const billing = new Queue(config.queues.billing.name, {
  defaultJobOptions: { ...defaults, attempts: config.queues.billing.attempts },
});
const worker = new Worker(billing.name, async () => {}, workerOptions);`,
    });

    expect(model.queues).toEqual([
      {
        name: 'billing',
        library: 'bullmq',
        jobNames: [],
        options: {
          attempts: constant(4, 'config.queues.billing.attempts', 'src/q.ts:6'),
          concurrency: literal(8, '8', 'src/q.ts:4'),
          removeOnComplete: literal(true, 'true', 'src/q.ts:3'),
        },
        sites: [
          { file: 'src/q.ts', line: 5, role: 'definition' },
          { file: 'src/q.ts', line: 8, role: 'consumer' },
        ],
      },
    ]);
  });

  it('keeps an unresolved spread of options as an expression rather than dropping it', async () => {
    const model = await analyzeQueues({
      'src/q.ts': `import { Queue } from 'bullmq';
export function make(extra: object) {
  return new Queue('mail', { defaultJobOptions: { ...extra, attempts: 2 } });
}`,
    });

    expect(queueNamed(model, 'mail').options).toEqual({
      '...': { source: 'expression', text: 'extra', file: 'src/q.ts', line: 3 },
      attempts: literal(2, '2', 'src/q.ts:3'),
    });
  });

  it('attaches a producer to a queue imported from another file', async () => {
    const model = await analyzeQueues({
      'src/queues.ts': `import { Queue } from 'bullmq';
export const reportQueue = new Queue('reports');`,
      'src/routes.ts': `import { reportQueue } from './queues';
export async function handler() {
  await reportQueue.add('build', { id: 1 });
}`,
    });

    expect(model.queues).toEqual([
      {
        name: 'reports',
        library: 'bullmq',
        jobNames: ['build'],
        options: {},
        sites: [
          { file: 'src/queues.ts', line: 2, role: 'definition' },
          { file: 'src/routes.ts', line: 3, role: 'producer' },
        ],
      },
    ]);
  });

  it('attaches producers through this.queue and through loops', async () => {
    const model = await analyzeQueues({
      'src/svc.ts': `import { Queue } from 'bullmq';
const queues = [new Queue('a'), new Queue('b')];
export class Notifier {
  private queue: Queue;
  constructor() {
    this.queue = new Queue('c');
  }
  async notify() {
    await this.queue.add('ping', {});
    queues.forEach((q) => q.add('pong', {}));
  }
}`,
    });

    expect(
      model.queues.map((q) => [q.name, q.jobNames, q.sites.map((s) => s.line)]),
    ).toEqual([
      ['a', ['pong'], [2, 10]],
      ['b', ['pong'], [2, 10]],
      ['c', ['ping'], [6, 9]],
    ]);
  });

  it.each([
    [
      'an environment variable',
      'process.env.QUEUE_NAME',
      '{process.env.QUEUE_NAME}',
    ],
    ['a call', 'queueName()', '{queueName()}'],
    [
      'a partly dynamic template',
      '`tenant-${process.env.TENANT}`',
      'tenant-{process.env.TENANT}',
    ],
  ])(
    'keeps a name from %s as expression text',
    async (_label, name, expected) => {
      const model = await analyzeQueues({
        'src/q.ts': `import { Queue } from 'bullmq';
import { queueName } from './names';
export const q = new Queue(${name});`,
        'src/names.ts': `export function queueName() { return process.env.Q; }`,
      });

      expect(model.queues.map((q) => [q.name, q.sites])).toEqual([
        [expected, [{ file: 'src/q.ts', line: 3, role: 'definition' }]],
      ]);
      expect(model.redisKeys[0]?.pattern).toBe(`bull:${expected}:*`);
    },
  );

  it('drops calls named add on things that are not queues', async () => {
    const model = await analyzeQueues({
      'src/q.ts': `import { Queue } from 'bullmq';
const q = new Queue('real');
const tags = new Set<string>();
tags.add('x');
const cart = { add(item: string) { return item; } };
cart.add('y');`,
    });

    expect(model.queues.map((q) => [q.name, q.sites.length])).toEqual([
      ['real', 1],
    ]);
  });
});
