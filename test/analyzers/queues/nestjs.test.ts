import {
  analyzeQueues,
  constant,
  literal,
  queueNamed,
} from './analyze-queues.js';

const APP_MODULE = `import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { QueueName } from './queue-name';
@Module({
  imports: [
    BullModule.forRoot({
      connection: { host: 'redis', password: 'secret' },
      prefix: 'svc',
      defaultJobOptions: { attempts: 3, removeOnComplete: true },
    }),
    BullModule.registerQueue({ name: QueueName.Email, defaultJobOptions: { attempts: 5 } }, { name: 'sms' }),
  ],
})
export class AppModule {}
`;

const EMAIL = `import { Processor, WorkerHost, InjectQueue } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { QueueName } from './queue-name';
@Processor(QueueName.Email, { concurrency: 10 })
export class EmailProcessor extends WorkerHost {
  async process(job: Job) {
    switch (job.name) {
      case 'welcome':
        return 1;
      case 'reset':
        return 2;
    }
  }
}
export class EmailService {
  constructor(@InjectQueue(QueueName.Email) private readonly queue: Queue) {}
  async send() {
    await this.queue.add('welcome', {}, { attempts: 7 });
  }
}
`;

const QUEUE_NAME = `export enum QueueName { Email = 'email', Push = 'push' }`;

describe('queues analyzer: NestJS', () => {
  it('joins registerQueue, @Processor and @InjectQueue under forRoot', async () => {
    const model = await analyzeQueues({
      'src/app.module.ts': APP_MODULE,
      'src/email.ts': EMAIL,
      'src/queue-name.ts': QUEUE_NAME,
    });

    expect(queueNamed(model, 'email')).toEqual({
      name: 'email',
      library: 'nestjs-bullmq',
      jobNames: ['reset', 'welcome'],
      options: {
        attempts: literal(5, '5', 'src/app.module.ts:11'),
        concurrency: literal(10, '10', 'src/email.ts:4'),
        'connection.host': literal('redis', "'redis'", 'src/app.module.ts:7'),
        'job.welcome.attempts': literal(7, '7', 'src/email.ts:18'),
        prefix: literal('svc', "'svc'", 'src/app.module.ts:8'),
        removeOnComplete: literal(true, 'true', 'src/app.module.ts:9'),
      },
      sites: [
        { file: 'src/app.module.ts', line: 6, role: 'config' },
        { file: 'src/app.module.ts', line: 11, role: 'definition' },
        { file: 'src/email.ts', line: 4, role: 'consumer' },
        { file: 'src/email.ts', line: 18, role: 'producer' },
      ],
    });
    expect(queueNamed(model, 'sms')).toMatchObject({
      library: 'nestjs-bullmq',
      options: { attempts: literal(3, '3', 'src/app.module.ts:9') },
    });
    expect(model.redisKeys.map((key) => [key.pattern, key.lifetime])).toEqual([
      ['svc:email:*', 'durable'],
      ['svc:sms:*', 'durable'],
    ]);
  });

  it('expands registerQueue(...Object.values(Enum).map(...)) to one queue per member', async () => {
    const model = await analyzeQueues({
      'src/app.module.ts': `import { BullModule } from '@nestjs/bullmq';
import { QueueName } from './queue-name';
export const queues = BullModule.registerQueue(
  ...Object.values(QueueName).map((name) => ({ name, defaultJobOptions: { attempts: 2 } })),
);`,
      'src/queue-name.ts': QUEUE_NAME,
    });

    expect(
      model.queues.map((q) => [q.name, q.library, q.sites, q.options]),
    ).toEqual([
      [
        'email',
        'nestjs-bullmq',
        [{ file: 'src/app.module.ts', line: 3, role: 'definition' }],
        { attempts: literal(2, '2', 'src/app.module.ts:4') },
      ],
      [
        'push',
        'nestjs-bullmq',
        [{ file: 'src/app.module.ts', line: 3, role: 'definition' }],
        { attempts: literal(2, '2', 'src/app.module.ts:4') },
      ],
    ]);
  });

  it('reads forRootAsync and registerQueueAsync factories that return an object', async () => {
    const model = await analyzeQueues({
      'src/app.module.ts': `import { BullModule } from '@nestjs/bullmq';
import { PREFIX } from './settings';
BullModule.forRootAsync({
  inject: [ConfigService],
  useFactory: (config: ConfigService) => ({
    connection: { host: config.get('REDIS_HOST') },
    prefix: PREFIX,
  }),
});
BullModule.registerQueueAsync({
  name: 'billing',
  useFactory: async () => ({ defaultJobOptions: { removeOnFail: 50 } }),
});`,
      'src/settings.ts': `export const PREFIX = 'billing-svc';`,
    });

    expect(queueNamed(model, 'billing').options).toEqual({
      'connection.host': {
        source: 'expression',
        text: "config.get('REDIS_HOST')",
        file: 'src/app.module.ts',
        line: 6,
      },
      prefix: constant('billing-svc', 'PREFIX', 'src/app.module.ts:7'),
      removeOnFail: literal(50, '50', 'src/app.module.ts:12'),
    });
    expect(model.redisKeys[0]?.pattern).toBe('billing-svc:billing:*');
  });

  it('applies a named forRoot only to queues with its configKey', async () => {
    const model = await analyzeQueues({
      'src/app.module.ts': `import { BullModule } from '@nestjs/bullmq';
BullModule.forRoot({ prefix: 'main' });
BullModule.forRoot('alt', { prefix: 'other' });
BullModule.registerQueue({ name: 'a' }, { name: 'b', configKey: 'alt' });`,
    });

    expect(
      model.queues.map((q) => [q.name, q.options.prefix?.value, q.sites]),
    ).toEqual([
      [
        'a',
        'main',
        [
          { file: 'src/app.module.ts', line: 2, role: 'config' },
          { file: 'src/app.module.ts', line: 4, role: 'definition' },
        ],
      ],
      [
        'b',
        'other',
        [
          { file: 'src/app.module.ts', line: 3, role: 'config' },
          { file: 'src/app.module.ts', line: 4, role: 'definition' },
        ],
      ],
    ]);
  });

  it('reads the @nestjs/bull flavour: @Process handlers and an injected property', async () => {
    const model = await analyzeQueues({
      'src/audio.ts': `import { BullModule, InjectQueue, Process, Processor } from '@nestjs/bull';
import { Queue } from 'bull';
BullModule.registerQueue({ name: 'audio', limiter: { max: 2, duration: 100 } });
@Processor({ name: 'audio' })
export class AudioConsumer {
  @Process('transcode')
  async transcode(job) {}
  @Process({ name: 'mix', concurrency: 3 })
  async mix(job) {}
}
export class AudioService {
  @InjectQueue('audio') private q: Queue;
  async go() {
    await this.q.add({ foo: 1 });
  }
}`,
    });

    expect(model.queues).toEqual([
      {
        name: 'audio',
        library: 'nestjs-bull',
        jobNames: ['mix', 'transcode'],
        options: {
          concurrency: literal(3, '3', 'src/audio.ts:8'),
          'limiter.duration': literal(100, '100', 'src/audio.ts:3'),
          'limiter.max': literal(2, '2', 'src/audio.ts:3'),
        },
        sites: [
          { file: 'src/audio.ts', line: 3, role: 'definition' },
          { file: 'src/audio.ts', line: 4, role: 'consumer' },
          { file: 'src/audio.ts', line: 6, role: 'consumer' },
          { file: 'src/audio.ts', line: 8, role: 'consumer' },
          { file: 'src/audio.ts', line: 14, role: 'producer' },
        ],
      },
    ]);
    expect(model.redisKeys).toEqual([
      expect.objectContaining({ ownedBy: 'bull:audio' }),
    ]);
  });

  it('merges a Nest processor with a plain BullMQ queue of the same name', async () => {
    const model = await analyzeQueues({
      'src/worker.ts': `import { Processor, WorkerHost } from '@nestjs/bullmq';
@Processor('email')
export class EmailProcessor extends WorkerHost {
  async process() {}
}`,
      'src/queue.ts': `import { Queue } from 'bullmq';
export const email = new Queue('email');`,
    });

    expect(
      model.queues.map((q) => [q.name, q.library, q.sites.map((s) => s.role)]),
    ).toEqual([['email', 'nestjs-bullmq', ['definition', 'consumer']]]);
  });
});
