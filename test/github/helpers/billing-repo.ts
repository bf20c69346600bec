/**
 * A small service with BullMQ queues, in the states a pull request moves
 * it through. `base` has one queue with retention set; each head changes it.
 */
const packageJson = JSON.stringify(
  {
    name: 'billing',
    private: true,
    scripts: { start: 'node dist/server.js', worker: 'node dist/worker.js' },
    dependencies: { bullmq: '^5.12.0', ioredis: '^5.4.1' },
  },
  null,
  2,
);

const redis = `import IORedis from 'ioredis';

export const connection = new IORedis(process.env.REDIS_URL ?? 'redis://localhost:6379', {
  maxRetriesPerRequest: null,
});
`;

const emails = `import { Queue, Worker } from 'bullmq';
import { connection } from '../redis';
import { sendEmail } from '../mailer';

export const emails = new Queue('emails', {
  connection,
  defaultJobOptions: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: 1000,
    removeOnFail: 5000,
  },
});

export const emailWorker = new Worker('emails', async (job) => sendEmail(job.data), {
  connection,
  concurrency: 5,
});

process.on('SIGTERM', async () => {
  await emailWorker.close();
  await emails.close();
});
`;

const mailer = `type Email = { to: string; subject: string };

export async function sendEmail(data: Email): Promise<void> {
  console.log('sending', data.subject);
}
`;

function invoices(queueOptions: string): string {
  return `import { Queue, Worker } from 'bullmq';
import { connection } from '../redis';

export const invoices = new Queue('invoices', { connection${queueOptions} });

export const invoiceWorker = new Worker('invoices', async (job) => renderInvoice(job.data), {
  connection,
});

process.on('SIGTERM', async () => {
  await invoiceWorker.close();
  await invoices.close();
});

export async function requestInvoice(orderId: string): Promise<void> {
  await invoices.add('render', { orderId });
}

async function renderInvoice(data: { orderId: string }): Promise<void> {
  console.log('rendering', data.orderId);
}
`;
}

export const baseFiles: Record<string, string> = {
  'package.json': packageJson,
  'src/redis.ts': redis,
  'src/mailer.ts': mailer,
  'src/queues/emails.ts': emails,
  'README.md': '# billing\n',
};

/** Adds an `invoices` queue that keeps every finished job. */
export const headAddsQueue = {
  ...baseFiles,
  'src/queues/invoices.ts': invoices(''),
};

/** The `invoices` queue now trims completed jobs, still not failed ones. */
export const headTrimsCompleted = {
  ...baseFiles,
  'src/queues/invoices.ts': invoices(
    ', defaultJobOptions: { removeOnComplete: 500 }',
  ),
};

/** The queue is gone again: the head matches the base architecture. */
export const headBackToBase = {
  ...baseFiles,
  'README.md': '# billing\n\nInvoices later.\n',
};

/** A change no analyzer cares about. */
export const headFormatsMoney = {
  ...baseFiles,
  'src/format-money.ts': `export function formatMoney(cents: number): string {
  return (cents / 100).toFixed(2);
}
`,
};
