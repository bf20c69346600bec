import { Redis } from 'ioredis';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://localhost:6379';

/**
 * The shared command connection: sessions, order status, the leader lock,
 * and the BullMQ queues and workers (which require maxRetriesPerRequest null).
 */
export const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });

/** A connection in SUBSCRIBE mode can run no other command, so it gets its own. */
export function createSubscriber(): Redis {
  return new Redis(REDIS_URL, { maxRetriesPerRequest: null });
}
