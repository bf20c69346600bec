import { Worker } from 'bullmq';
import type { Job } from 'bullmq';
import { setOrderStatus } from '../lib/keys.js';
import { redis } from '../lib/redis.js';
import { emailsQueue, ORDER_CONCURRENCY, ORDERS_QUEUE } from '../queues/index.js';
import type { OrderJob } from '../queues/index.js';
import { startReceiptWorker } from './emails.js';
import { startRefundWorker } from './refunds.js';

const PAYMENTS_URL = process.env.PAYMENTS_URL ?? 'http://payments:8080';
const SHUTDOWN_TIMEOUT_MS = 25_000;

async function chargeOrder(job: Job<OrderJob>): Promise<void> {
  const { orderId, amountCents } = job.data;
  await setOrderStatus(orderId, 'charging');

  const response = await fetch(`${PAYMENTS_URL}/charges`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': orderId },
    body: JSON.stringify({ orderId, amountCents }),
  });
  if (!response.ok) {
    throw new Error(`payment for ${orderId} failed with ${response.status}`);
  }

  await setOrderStatus(orderId, 'paid');
  await redis.publish('order-events', JSON.stringify({ orderId, status: 'paid' }));
  await emailsQueue.add('receipt', { orderId, email: `${orderId}@orders.example` });
}

const orders = new Worker<OrderJob>(ORDERS_QUEUE, chargeOrder, {
  connection: redis,
  concurrency: ORDER_CONCURRENCY,
});

orders.on('failed', (job, error) => {
  console.error(`order job ${job?.id ?? '?'} failed: ${error.message}`);
});

startReceiptWorker();
startRefundWorker();

async function shutdown(): Promise<void> {
  setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
  await orders.close();
  await redis.quit();
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown());
