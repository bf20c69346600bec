import { Worker } from 'bullmq';
import { redis } from '../lib/redis.js';
import { EMAIL_CONCURRENCY, EMAILS_QUEUE } from '../queues/index.js';
import type { ReceiptJob } from '../queues/index.js';

const MAILER_URL = process.env.MAILER_URL ?? 'http://mailer:8025';

async function sendReceipt(orderId: string, email: string): Promise<void> {
  const response = await fetch(`${MAILER_URL}/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to: email, template: 'receipt', orderId }),
  });
  if (!response.ok) {
    throw new Error(`mailer answered ${response.status}`);
  }
}

export function startReceiptWorker(): Worker<ReceiptJob> {
  return new Worker<ReceiptJob>(
    EMAILS_QUEUE,
    async (job) => {
      try {
        await sendReceipt(job.data.orderId, job.data.email);
      } catch (error) {
        console.warn(`receipt for ${job.data.orderId} not sent`, error);
      }
    },
    { connection: redis, concurrency: EMAIL_CONCURRENCY },
  );
}
