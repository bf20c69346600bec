import { analyzeQueues } from './analyze-queues.js';

describe('queues analyzer: names configured with a default', () => {
  it('keeps one row for a configurable name however its default is quoted', async () => {
    const model = await analyzeQueues({
      'src/bus.ts': `import { Queue, Worker } from 'bullmq';
export class Bus {
  queue: Queue;
  worker: Worker;
  constructor(options: { topic?: string }) {
    this.queue = new Queue(options.topic ?? \`bus-events\`);
    this.worker = new Worker(options.topic ?? 'bus-events', async () => undefined);
  }
}`,
    });

    expect(model.queues.map((q) => [q.name, q.sites])).toEqual([
      [
        '{options.topic ?? "bus-events"}',
        [
          { file: 'src/bus.ts', line: 6, role: 'definition' },
          { file: 'src/bus.ts', line: 7, role: 'consumer' },
        ],
      ],
    ]);
  });
});

/**
 * A service that builds queues and workers for a topic, picking the class
 * by a flag, and base classes whose subclasses pass the topic to super().
 */
const WRAPPED = {
  'src/topics.ts': `export enum Topic {
  Billing = 'billing',
  Mail = 'mail-out',
}`,
  'src/mq/mq.service.ts': `import { Queue, Worker } from 'bullmq';
import type { Processor } from 'bullmq';
const licensed = process.env.MQ_LICENSE !== undefined;
export class MqService {
  openQueue(topic: string, defaults: object) {
    const QueueCtor = licensed ? require('@taskforcesh/bullmq-pro').QueuePro : Queue;
    return new QueueCtor(topic, { defaultJobOptions: defaults });
  }
  openWorker(topic: string, handler: Processor, limit: number) {
    const WorkerCtor = !licensed ? Worker : require('@taskforcesh/bullmq-pro').WorkerPro;
    return new WorkerCtor(topic, handler, { concurrency: limit });
  }
}`,
  'src/queues/base-queue.ts': `import { MqService } from '../mq/mq.service';
import type { Topic } from '../topics';
export class BaseQueue {
  private mq: MqService;
  constructor(public readonly topic: Topic, mq: MqService) {
    this.mq = mq;
  }
  open() {
    return this.mq.openQueue(this.topic, { attempts: 4 });
  }
}`,
  'src/queues/billing-queue.ts': `import { MqService } from '../mq/mq.service';
import { Topic } from '../topics';
import { BaseQueue } from './base-queue';
export class BillingQueue extends BaseQueue {
  constructor(mq: MqService) {
    super(Topic.Billing, mq);
  }
}`,
  'src/queues/mail-queue.ts': `import { MqService } from '../mq/mq.service';
import { Topic } from '../topics';
import { BaseQueue } from './base-queue';
export class MailQueue extends BaseQueue {
  constructor(mq: MqService) {
    super(Topic.Mail, mq);
  }
}`,
  'src/workers/billing-worker.ts': `import { MqService } from '../mq/mq.service';
import { Topic } from '../topics';
export class BillingWorker {
  constructor(private readonly mq: MqService) {}
  start() {
    this.mq.openWorker(Topic.Billing, async () => undefined, 5);
  }
}`,
};

describe('queues analyzer: a service class that builds queues for its callers', () => {
  it('names one queue per subclass and per call of the wrapper methods', async () => {
    const model = await analyzeQueues(WRAPPED);

    expect(model.queues.map((q) => [q.name, q.library, q.sites])).toEqual([
      [
        'billing',
        'bullmq',
        [
          { file: 'src/mq/mq.service.ts', line: 7, role: 'factory' },
          { file: 'src/mq/mq.service.ts', line: 11, role: 'factory' },
          { file: 'src/queues/billing-queue.ts', line: 6, role: 'definition' },
          { file: 'src/workers/billing-worker.ts', line: 6, role: 'consumer' },
        ],
      ],
      [
        'mail-out',
        'bullmq',
        [
          { file: 'src/mq/mq.service.ts', line: 7, role: 'factory' },
          { file: 'src/queues/mail-queue.ts', line: 6, role: 'definition' },
        ],
      ],
    ]);
  });

  it('binds the options each call passes', async () => {
    const model = await analyzeQueues(WRAPPED);

    const billing = model.queues.find((q) => q.name === 'billing');
    expect(billing?.options['attempts']?.value).toBe(4);
    expect(billing?.options['concurrency']?.value).toBe(5);
  });
});

describe('queues analyzer: subclasses found through a barrel', () => {
  it('follows a barrel that imports the base class and exports it on', async () => {
    const queuesOnly = Object.fromEntries(
      Object.entries(WRAPPED).filter(
        ([path]) => !path.startsWith('src/workers/'),
      ),
    );
    const model = await analyzeQueues({
      ...queuesOnly,
      'src/queues/index.ts': `import { BaseQueue } from './base-queue';
export { BaseQueue };`,
      'src/queues/mail-queue.ts': `import { MqService } from '../mq/mq.service';
import { Topic } from '../topics';
import { BaseQueue } from './index';
export class MailQueue extends BaseQueue {
  constructor(mq: MqService) {
    super(Topic.Mail, mq);
  }
}`,
    });

    expect(
      model.queues.map((q) => [q.name, q.sites.map((s) => s.file)]),
    ).toEqual([
      ['billing', ['src/mq/mq.service.ts', 'src/queues/billing-queue.ts']],
      ['mail-out', ['src/mq/mq.service.ts', 'src/queues/mail-queue.ts']],
    ]);
  });
});
