import { analyzeFiles } from '../../helpers/analyze-files.js';

describe('shutdown analyzer', () => {
  it('names what a SIGTERM handler closes, and its deadline', async () => {
    const model = await analyzeFiles({
      'src/worker.ts': `import { Worker } from 'bullmq';
import Redis from 'ioredis';
import http from 'node:http';
import { SHUTDOWN_GRACE_MS } from './config';

const connection = new Redis(process.env.REDIS_URL!);
const worker = new Worker('email', async (job) => send(job.data), { connection });
const server = http.createServer(health);
server.listen(8080);

process.on('SIGTERM', async () => {
  setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
  await worker.close();
  await connection.quit();
  server.close();
});`,
      'src/config.ts': `export const SHUTDOWN_GRACE_MS = 25_000;`,
    });

    expect(model.shutdown).toEqual([
      {
        trigger: 'SIGTERM',
        closes: ['worker:email', 'redis', 'server'],
        timeout: {
          source: 'constant',
          value: 25000,
          text: 'SHUTDOWN_GRACE_MS',
          file: 'src/worker.ts',
          line: 12,
        },
        sites: [
          { file: 'src/worker.ts', line: 11, role: 'handler' },
          { file: 'src/worker.ts', line: 12, role: 'timeout' },
          { file: 'src/worker.ts', line: 13, role: 'closes' },
          { file: 'src/worker.ts', line: 14, role: 'closes' },
          { file: 'src/worker.ts', line: 15, role: 'closes' },
        ],
      },
    ]);
    expect(model.unclosed).toEqual([]);
  });

  it('follows a handler passed by name and the helpers it calls', async () => {
    const model = await analyzeFiles({
      'src/main.ts': `import { Queue, QueueEvents } from 'bullmq';
const queue = new Queue('reports');
const events = new QueueEvents('reports');

async function closeQueues() {
  await queue.close();
  await events.close();
}

async function shutdown(signal: string) {
  await closeQueues();
  process.exit(0);
}

process.once('SIGINT', shutdown);`,
    });

    expect(model.shutdown).toEqual([
      {
        trigger: 'SIGINT',
        closes: ['queue:reports', 'queue-events:reports'],
        sites: [
          { file: 'src/main.ts', line: 6, role: 'closes' },
          { file: 'src/main.ts', line: 7, role: 'closes' },
          { file: 'src/main.ts', line: 15, role: 'handler' },
        ],
      },
    ]);
  });

  it('follows a shutdown function imported from another file', async () => {
    const model = await analyzeFiles({
      'src/main.ts': `import { gracefulShutdown } from './lifecycle';
process.on('SIGTERM', gracefulShutdown);`,
      'src/lifecycle.ts': `import Redis from 'ioredis';
const redis = new Redis();
export async function gracefulShutdown() {
  await redis.quit();
}`,
    });

    expect(model.shutdown).toEqual([
      {
        trigger: 'SIGTERM',
        closes: ['redis'],
        sites: [
          { file: 'src/lifecycle.ts', line: 4, role: 'closes' },
          { file: 'src/main.ts', line: 2, role: 'handler' },
        ],
      },
    ]);
  });

  it.each([
    [
      'a for-of loop over signals',
      `for (const signal of ['SIGTERM', 'SIGINT', 'uncaughtException']) {
  process.on(signal, () => stop());
}`,
    ],
    [
      'forEach over a signal constant',
      `const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
SIGNALS.forEach((signal) => process.on(signal, () => stop()));`,
    ],
  ])('reads one handler per signal of %s', async (_label, source) => {
    const model = await analyzeFiles({ 'src/main.ts': source });

    expect(model.shutdown.map((handler) => handler.trigger)).toEqual([
      'SIGTERM',
      'SIGINT',
    ]);
  });

  it('counts NestJS processors as closed by enableShutdownHooks', async () => {
    const model = await analyzeFiles({
      'src/main.ts': `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableShutdownHooks();
  await app.listen(3000);
}
void bootstrap();`,
      'src/email.processor.ts': `import { Processor, WorkerHost } from '@nestjs/bullmq';
@Processor('email')
export class EmailProcessor extends WorkerHost {
  async process() {}
}`,
    });

    expect(model.shutdown).toEqual([
      {
        trigger: 'enableShutdownHooks',
        closes: ['server'],
        sites: [{ file: 'src/main.ts', line: 5, role: 'handler' }],
      },
    ]);
    expect(model.unclosed).toEqual([]);
  });

  it('reads NestJS lifecycle hooks', async () => {
    const model = await analyzeFiles({
      'src/redis.service.ts': `import { Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
@Injectable()
export class RedisService implements OnModuleDestroy {
  constructor(private readonly redis: Redis) {}
  async onModuleDestroy() {
    await this.redis.quit();
  }
}`,
    });

    expect(model.shutdown).toEqual([
      {
        trigger: 'onModuleDestroy',
        closes: ['redis'],
        sites: [
          { file: 'src/redis.service.ts', line: 6, role: 'handler' },
          { file: 'src/redis.service.ts', line: 7, role: 'closes' },
        ],
      },
    ]);
  });

  it('reports a worker that no handler closes', async () => {
    const model = await analyzeFiles({
      'src/workers.ts': `import { Worker } from 'bullmq';
import Redis from 'ioredis';
const redis = new Redis();
new Worker('email', async () => {}, { connection: redis });
export const thumbnails = new Worker('thumbnails', async () => {}, { connection: redis });

process.on('SIGTERM', async () => {
  await thumbnails.close();
  await redis.quit();
});`,
    });

    expect(model.unclosed).toEqual([
      {
        resource: 'worker:email',
        sites: [{ file: 'src/workers.ts', line: 4, role: 'consumer' }],
      },
    ]);
  });

  it('reports every worker when there is no shutdown handler at all', async () => {
    const model = await analyzeFiles({
      'src/jobs.ts': `import Queue from 'bull';
const thumbnails = new Queue('thumbnails');
thumbnails.process(async (job) => resize(job.data));`,
    });

    expect(model.shutdown).toEqual([]);
    expect(model.unclosed).toEqual([
      {
        resource: 'worker:thumbnails',
        sites: [{ file: 'src/jobs.ts', line: 3, role: 'consumer' }],
      },
    ]);
  });

  it.each([
    ['map over an array', `await Promise.all(workers.map((w) => w.close()));`],
    [
      'a for-of loop',
      `for (const worker of workers) { await worker.close(); }`,
    ],
  ])(
    'counts workers closed through a collection (%s)',
    async (_label, close) => {
      const model = await analyzeFiles({
        'src/workers.ts': `import { Worker } from 'bullmq';
import { QUEUES } from './queues';
const workers = QUEUES.map((name) => new Worker(name, async () => {}));
const audit = new Worker('audit', async () => {});

process.on('SIGTERM', async () => {
  ${close}
});`,
      });

      expect(model.shutdown.map((handler) => handler.closes)).toEqual([
        ['workers:*'],
      ]);
      expect(model.unclosed).toEqual([]);
    },
  );

  it('names each worker of an array it can resolve', async () => {
    const model = await analyzeFiles({
      'src/workers.ts': `import { Worker } from 'bullmq';
const email = new Worker('email', async () => {});
const sms = new Worker('sms', async () => {});
const audit = new Worker('audit', async () => {});
const workers = [email, sms];
process.on('SIGTERM', () => Promise.all(workers.map((w) => w.close())));`,
    });

    expect(model.shutdown.map((handler) => handler.closes)).toEqual([
      ['worker:email', 'worker:sms'],
    ]);
    expect(model.unclosed.map((u) => u.resource)).toEqual(['worker:audit']);
  });

  it('matches a worker held in a property to its close', async () => {
    const model = await analyzeFiles({
      'src/email.worker.ts': `import { Worker } from 'bullmq';
export class EmailWorker {
  private worker?: Worker;
  start() {
    this.worker = new Worker('email', async () => {});
  }
  async onModuleDestroy() {
    await this.worker?.close();
  }
}`,
    });

    expect(model.shutdown.map((handler) => handler.closes)).toEqual([
      ['worker:email'],
    ]);
    expect(model.unclosed).toEqual([]);
  });

  it('reads terminus signals, onSignal and timeout', async () => {
    const model = await analyzeFiles({
      'src/server.ts': `import http from 'http';
import { createTerminus } from '@godaddy/terminus';
import Redis from 'ioredis';
const redis = new Redis();
const server = http.createServer(app);
createTerminus(server, {
  signals: ['SIGTERM', 'SIGINT'],
  timeout: 10000,
  onSignal: async () => {
    await redis.quit();
  },
});`,
    });

    expect(model.shutdown).toEqual(
      ['SIGTERM', 'SIGINT'].map((trigger) => ({
        trigger,
        closes: ['server', 'redis'],
        timeout: {
          source: 'literal',
          value: 10000,
          text: '10000',
          file: 'src/server.ts',
          line: 8,
        },
        sites: [
          { file: 'src/server.ts', line: 6, role: 'handler' },
          { file: 'src/server.ts', line: 8, role: 'timeout' },
          { file: 'src/server.ts', line: 10, role: 'closes' },
        ],
      })),
    );
  });

  it('reads close-with-grace and keeps unknown receivers as written', async () => {
    const model = await analyzeFiles({
      'src/main.ts': `import closeWithGrace from 'close-with-grace';
import Fastify from 'fastify';
const app = Fastify();
closeWithGrace({ delay: 500 }, async ({ err }) => {
  await app.close();
  await db.destroy();
});`,
    });

    expect(model.shutdown).toEqual([
      expect.objectContaining({
        trigger: 'close-with-grace',
        closes: ['server', 'db'],
        timeout: expect.objectContaining({ source: 'literal', value: 500 }),
      }),
    ]);
  });

  it('names sqs-consumer and amqplib consumers and their closes', async () => {
    const model = await analyzeFiles({
      'src/consumers.ts': `import { Consumer } from 'sqs-consumer';
import amqp from 'amqplib';
const orders = Consumer.create({
  queueUrl: 'https://sqs.eu-west-1.amazonaws.com/123/orders',
  handleMessage: async () => {},
});
orders.start();
async function main() {
  const connection = await amqp.connect('amqp://rabbit');
  const channel = await connection.createChannel();
  await channel.consume('audit', async () => {});
  process.on('SIGTERM', async () => {
    orders.stop();
  });
}`,
    });

    expect(model.shutdown.map((handler) => handler.closes)).toEqual([
      ['consumer:orders'],
    ]);
    expect(model.unclosed).toEqual([
      {
        resource: 'consumer:audit',
        sites: [{ file: 'src/consumers.ts', line: 11, role: 'consumer' }],
      },
    ]);
  });
});
