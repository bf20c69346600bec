import { Worker } from 'bullmq';
import cron from 'node-cron';
import { setOrderStatus } from '../lib/keys.js';
import { redis } from '../lib/redis.js';
import { REFUNDS_QUEUE } from '../queues/index.js';
import type { RefundJob } from '../queues/index.js';

const PAYMENTS_URL = process.env.PAYMENTS_URL ?? 'http://payments:8080';

async function refundOrder(orderId: string, reason: string): Promise<void> {
  const response = await fetch(`${PAYMENTS_URL}/refunds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `refund-${orderId}` },
    body: JSON.stringify({ orderId, reason }),
  });
  if (!response.ok) {
    throw new Error(`refund for ${orderId} failed with ${response.status}`);
  }
  await setOrderStatus(orderId, 'refunded');
}

/** Asks the payment provider for refunds it has not confirmed yet. */
async function chaseUnconfirmedRefunds(): Promise<void> {
  const response = await fetch(`${PAYMENTS_URL}/refunds/chase`, { method: 'POST' });
  if (!response.ok) {
    console.error(`refund chase answered ${response.status}`);
  }
}

export function startRefundWorker(): Worker<RefundJob> {
  cron.schedule('0 * * * *', () => {
    chaseUnconfirmedRefunds().catch((error: unknown) => console.error('chase failed', error));
  });

  return new Worker<RefundJob>(
    REFUNDS_QUEUE,
    async (job) => refundOrder(job.data.orderId, job.data.reason),
    { connection: redis, concurrency: 2 },
  );
}
