import type { Queue, QueueLibrary } from '../../model/types.js';

/** Where a queue library keeps its jobs. */
export type QueueStorage = 'redis' | 'rabbitmq' | 'sqs';

const STORAGE: Record<QueueLibrary, QueueStorage> = {
  bullmq: 'redis',
  bull: 'redis',
  'bee-queue': 'redis',
  'nestjs-bullmq': 'redis',
  'nestjs-bull': 'redis',
  amqplib: 'rabbitmq',
  sqs: 'sqs',
  'sqs-consumer': 'sqs',
};

export function queueStorage(queue: Pick<Queue, 'library'>): QueueStorage {
  return STORAGE[queue.library];
}

/**
 * Retention settings a Redis-backed queue is missing. Without
 * `removeOnComplete` and `removeOnFail` the library keeps every finished
 * job in Redis, so memory grows with traffic.
 */
export function missingRetention(queue: Queue): string[] {
  if (queueStorage(queue) !== 'redis') {
    return [];
  }
  return ['removeOnComplete', 'removeOnFail'].filter(
    (key) => !(key in queue.options),
  );
}
