import type { FailureHandling } from '../../../src/model/types.js';
import { analyzeFiles } from '../../helpers/analyze-files.js';

const OWN_KINDS = new Set([
  'failed-listener',
  'stalled-listener',
  'error-listener',
  'error-swallowed',
  'monitoring',
]);

/** Failure handling items, without the brokers analyzer's DLX and redrive items. */
async function failureHandlingOf(
  files: Record<string, string>,
): Promise<FailureHandling[]> {
  const model = await analyzeFiles(files);
  return model.failureHandling.filter(
    (item) =>
      OWN_KINDS.has(item.kind) ||
      item.detail.startsWith('failed jobs are moved'),
  );
}

describe('failure handling analyzer', () => {
  it('ties worker listeners to the queue the worker consumes', async () => {
    const items = await failureHandlingOf({
      'src/worker.ts': `import { Worker } from 'bullmq';
import { EMAIL_QUEUE } from './queues';

export const worker = new Worker(EMAIL_QUEUE, async (job) => send(job.data));

worker.on('failed', (job, err) => logger.warn({ err }, 'email failed'));
worker.on('stalled', (jobId) => logger.warn({ jobId }, 'email stalled'));
worker.on('error', (err) => logger.error({ err }, 'worker error'));`,
      'src/queues.ts': `export const EMAIL_QUEUE = 'email';`,
    });

    expect(items).toEqual([
      {
        kind: 'failed-listener',
        queue: 'email',
        detail: "'failed' listener on the email worker",
        sites: [{ file: 'src/worker.ts', line: 6, role: 'listener' }],
      },
      {
        kind: 'stalled-listener',
        queue: 'email',
        detail: "'stalled' listener on the email worker",
        sites: [{ file: 'src/worker.ts', line: 7, role: 'listener' }],
      },
      {
        kind: 'error-listener',
        queue: 'email',
        detail: "'error' listener on the email worker",
        sites: [{ file: 'src/worker.ts', line: 8, role: 'listener' }],
      },
    ]);
  });

  it('resolves a worker imported from another file', async () => {
    const items = await failureHandlingOf({
      'src/worker.ts': `import { Worker } from 'bullmq';
export const reportWorker = new Worker('reports', async () => {});`,
      'src/events.ts': `import { reportWorker } from './worker';
reportWorker.on('failed', () => {});`,
    });

    expect(items).toEqual([
      {
        kind: 'failed-listener',
        queue: 'reports',
        detail: "'failed' listener on the reports worker",
        sites: [{ file: 'src/events.ts', line: 2, role: 'listener' }],
      },
    ]);
  });

  it('ignores error listeners of clients that are not queues', async () => {
    const items = await failureHandlingOf({
      'src/redis.ts': `import Redis from 'ioredis';
import { Queue } from 'bullmq';
const redis = new Redis();
redis.on('error', (err) => console.error(err));
process.on('error', () => {});`,
    });

    expect(items).toEqual([]);
  });

  it.each([
    [
      '@OnWorkerEvent',
      `import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';`,
      `@OnWorkerEvent('failed')`,
      'failed-listener',
    ],
    [
      '@OnQueueFailed',
      `import { OnQueueFailed, Processor } from '@nestjs/bull';`,
      `@OnQueueFailed()`,
      'failed-listener',
    ],
    [
      '@OnQueueEvent',
      `import { OnQueueEvent, Processor } from '@nestjs/bull';`,
      `@OnQueueEvent('stalled')`,
      'stalled-listener',
    ],
  ])(
    'ties %s to the class processor queue',
    async (_label, imports, decorator, kind) => {
      const items = await failureHandlingOf({
        'src/email.processor.ts': `${imports}

@Processor('email')
export class EmailProcessor {
  ${decorator}
  onEvent() {}
}`,
      });

      expect(items).toEqual([
        {
          kind,
          queue: 'email',
          detail: `'${kind.replace('-listener', '')}' listener on the email processor`,
          sites: [
            { file: 'src/email.processor.ts', line: 5, role: 'listener' },
          ],
        },
      ]);
    },
  );

  it('finds a processor whose catch swallows every error', async () => {
    const items = await failureHandlingOf({
      'src/worker.ts': `import { Worker } from 'bullmq';

new Worker('billing', async (job) => {
  const { invoiceId } = job.data;
  try {
    await chargeInvoice(invoiceId);
  } catch (err) {
    logger.error({ err, invoiceId }, 'charge failed');
    return { ok: false };
  }
});`,
    });

    expect(items).toEqual([
      {
        kind: 'error-swallowed',
        queue: 'billing',
        detail:
          'the processor of billing catches every error at src/worker.ts:7 and neither ' +
          'rethrows nor fails the job, so failed jobs complete and retries never run',
        sites: [
          { file: 'src/worker.ts', line: 3, role: 'processor' },
          { file: 'src/worker.ts', line: 7, role: 'catch' },
        ],
      },
    ]);
  });

  it.each([
    ['rethrows', `logger.error({ err }); throw err;`],
    [
      'moves the job to failed',
      `await job.moveToFailed(err as Error, token!);`,
    ],
    ['calls a helper of this file that throws', `handleFailure(err);`],
    ['rejects', `return Promise.reject(err);`],
  ])('leaves a processor whose catch %s alone', async (_label, catchBody) => {
    const items = await failureHandlingOf({
      'src/worker.ts': `import { Worker } from 'bullmq';
function handleFailure(err: unknown) { throw err; }
new Worker('billing', async (job, token) => {
  try {
    await chargeInvoice(job.data.invoiceId);
  } catch (err) {
    ${catchBody}
  }
});`,
    });

    expect(items).toEqual([]);
  });

  it('leaves an optional step whose failure is meant to be ignored', async () => {
    const items = await failureHandlingOf({
      'src/worker.ts': `import { Worker } from 'bullmq';
new Worker('billing', async (job) => {
  try {
    await warmCache();
  } catch {
    // cache warming is best effort
  }
  await chargeInvoice(job.data.invoiceId);
});`,
    });

    expect(items).toEqual([]);
  });

  it.each([
    [
      'a Bull processor calling done() without the error',
      `import Queue from 'bull';
const queue = new Queue('thumbnails');
queue.process(async (job, done) => {
  try {
    await resize(job.data);
    done();
  } catch (err) {
    done();
  }
});`,
      'thumbnails',
      3,
      7,
    ],
    [
      'a NestJS WorkerHost processor',
      `import { Processor, WorkerHost } from '@nestjs/bullmq';
@Processor('sync')
export class SyncProcessor extends WorkerHost {
  async process(job) {
    try {
      await this.pull(job.data);
    } catch (error) {
      this.logger.warn(error);
    }
  }
}`,
      'sync',
      4,
      7,
    ],
  ])('finds %s', async (_label, source, queue, processorLine, catchLine) => {
    const items = await failureHandlingOf({ 'src/jobs.ts': source });

    expect(items).toEqual([
      expect.objectContaining({
        kind: 'error-swallowed',
        queue,
        sites: [
          { file: 'src/jobs.ts', line: processorLine, role: 'processor' },
          { file: 'src/jobs.ts', line: catchLine, role: 'catch' },
        ],
      }),
    ]);
  });

  it('keeps a Bull processor that fails the job through done(err)', async () => {
    const items = await failureHandlingOf({
      'src/jobs.ts': `import Queue from 'bull';
const queue = new Queue('thumbnails');
queue.process((job, done) => {
  try {
    resize(job.data);
    done();
  } catch (err) {
    done(err);
  }
});`,
    });

    expect(items).toEqual([]);
  });

  it('reports an amqplib consumer that acks a failed message', async () => {
    const items = await failureHandlingOf({
      'src/consumer.ts': `import amqp from 'amqplib';
export async function start(channel: amqp.Channel) {
  await channel.consume('orders', async (msg) => {
    try {
      await handleOrder(msg);
      channel.ack(msg);
    } catch (err) {
      channel.ack(msg);
    }
  });
}`,
    });

    expect(items).toEqual([
      expect.objectContaining({
        kind: 'error-swallowed',
        queue: 'orders',
        sites: [
          { file: 'src/consumer.ts', line: 3, role: 'processor' },
          { file: 'src/consumer.ts', line: 7, role: 'catch' },
        ],
      }),
    ]);
  });

  it('finds a custom dead-letter queue fed from a failed listener', async () => {
    const items = await failureHandlingOf({
      'src/worker.ts': `import { Queue, Worker } from 'bullmq';
const deadLetters = new Queue('email-dead');
const worker = new Worker('email', async (job) => send(job.data));
worker.on('failed', async (job) => {
  if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
    await deadLetters.add('dead', job.data);
  }
});`,
    });

    expect(items).toEqual([
      expect.objectContaining({ kind: 'failed-listener', queue: 'email' }),
      {
        kind: 'dead-letter',
        queue: 'email',
        detail: 'failed jobs are moved to email-dead',
        sites: [
          { file: 'src/worker.ts', line: 4, role: 'listener' },
          { file: 'src/worker.ts', line: 6, role: 'dead-letter' },
        ],
      },
    ]);
  });

  it('does not read a retry or a set of ids as a dead-letter queue', async () => {
    const items = await failureHandlingOf({
      'src/worker.ts': `import { Queue, Worker } from 'bullmq';
const email = new Queue('email');
const failedIds = new Set<string>();
const worker = new Worker('email', async (job) => send(job.data));
worker.on('failed', async (job) => {
  failedIds.add(job.id);
  await email.add('retry', job.data, { delay: 60000 });
});`,
    });

    expect(items.map((item) => item.kind)).toEqual(['failed-listener']);
  });

  it('finds Sentry reports and a catch that moves the job to a dead-letter queue', async () => {
    const items = await failureHandlingOf({
      'src/worker.ts': `import { Worker } from 'bullmq';
import * as Sentry from '@sentry/node';
import { dlq } from './dlq';
new Worker('payments', async (job) => {
  try {
    await settle(job.data);
  } catch (err) {
    Sentry.captureException(err);
    await dlq.add('payment', job.data);
    throw err;
  }
});`,
      'src/dlq.ts': `import { Queue } from 'bullmq';
export const dlq = new Queue('payments-dlq');`,
    });

    expect(items).toEqual([
      {
        kind: 'dead-letter',
        queue: 'payments',
        detail: 'failed jobs are moved to payments-dlq',
        sites: [
          { file: 'src/worker.ts', line: 4, role: 'processor' },
          { file: 'src/worker.ts', line: 9, role: 'dead-letter' },
        ],
      },
      {
        kind: 'monitoring',
        queue: 'payments',
        detail: 'failures of payments are reported to Sentry',
        sites: [
          { file: 'src/worker.ts', line: 4, role: 'processor' },
          { file: 'src/worker.ts', line: 8, role: 'monitoring' },
        ],
      },
    ]);
  });

  it.each([
    [
      'bull-board',
      `import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { Queue } from 'bullmq';
const email = new Queue('email');
const sms = new Queue('sms');
createBullBoard({ queues: [new BullMQAdapter(email), new BullMQAdapter(sms)], serverAdapter });`,
      {
        kind: 'monitoring',
        detail: 'email, sms are shown on bull-board',
        sites: [{ file: 'src/m.ts', line: 6, role: 'monitoring' }],
      },
    ],
    [
      'a prom-client gauge fed from job counts',
      `import client from 'prom-client';
import { Queue } from 'bullmq';
const email = new Queue('email');
const gauge = new client.Gauge({ name: 'jobs', help: 'jobs', async collect() {
  const counts = await email.getJobCounts();
  this.set(counts.waiting);
} });`,
      {
        kind: 'monitoring',
        queue: 'email',
        detail: 'job counts of email are exported to Prometheus (prom-client)',
        sites: [{ file: 'src/m.ts', line: 5, role: 'monitoring' }],
      },
    ],
  ])('finds %s', async (_label, source, expected) => {
    const items = await failureHandlingOf({ 'src/m.ts': source });

    expect(items).toEqual([expected]);
  });

  it('ties a QueueEvents listener to its queue', async () => {
    const items = await failureHandlingOf({
      'src/events.ts': `import { QueueEvents } from 'bullmq';
const events = new QueueEvents('video');
events.on('failed', ({ jobId, failedReason }) => alert(jobId, failedReason));`,
    });

    expect(items).toEqual([
      {
        kind: 'failed-listener',
        queue: 'video',
        detail: "'failed' listener on the video queue events",
        sites: [{ file: 'src/events.ts', line: 3, role: 'listener' }],
      },
    ]);
  });

  it('reports an sqs-consumer handler that swallows errors', async () => {
    const items = await failureHandlingOf({
      'src/consumer.ts': `import { Consumer } from 'sqs-consumer';
export const consumer = Consumer.create({
  queueUrl: QUEUE_URL,
  handleMessage: async (message) => {
    try {
      await ingest(message);
    } catch (err) {
      console.error(err);
    }
  },
});`,
    });

    expect(items).toEqual([
      {
        kind: 'error-swallowed',
        queue: '{QUEUE_URL}',
        detail:
          'the handler of {QUEUE_URL} catches every error at src/consumer.ts:7 ' +
          'and returns normally, so sqs-consumer deletes failed messages: ' +
          'never retried or redriven',
        sites: [
          { file: 'src/consumer.ts', line: 4, role: 'processor' },
          { file: 'src/consumer.ts', line: 7, role: 'catch' },
        ],
      },
    ]);
  });
});
