import { Queue } from 'bullmq';
import { redis } from '../lib/redis.js';

export const ORDERS_QUEUE = 'orders';
export const EMAILS_QUEUE = 'emails';
export const REFUNDS_QUEUE = 'refunds';

/** Orders charged at once by one worker process. */
export const ORDER_CONCURRENCY = 16;
/** Receipts sent at once by one worker process. */
export const EMAIL_CONCURRENCY = 4;

export interface OrderJob {
  orderId: string;
  amountCents: number;
}

export interface RefundJob {
  orderId: string;
  reason: string;
}

export interface ReceiptJob {
  orderId: string;
  email: string;
}

export const ordersQueue = new Queue<OrderJob>(ORDERS_QUEUE, {
  connection: redis,
  defaultJobOptions: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 500 },
    removeOnComplete: 1_000,
    removeOnFail: 5_000,
  },
});

export const emailsQueue = new Queue<ReceiptJob>(EMAILS_QUEUE, {
  connection: redis,
  defaultJobOptions: { attempts: 3 },
});

export const refundsQueue = new Queue<RefundJob>(REFUNDS_QUEUE, {
  connection: redis,
  defaultJobOptions: { attempts: 5, backoff: { type: 'fixed', delay: 10_000 } },
});
