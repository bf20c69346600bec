import type { Analyzer } from '../types.js';
import { buildQueues } from './build.js';
import { extractQueueItems } from './extract.js';
import { QUEUE_LIBRARY_MODULES } from '../shared/queue-library-keywords.js';
import { QUEUE_MODULES } from './library-target.js';
import type { QueueItem } from './types.js';

/**
 * Redis-backed job queues: BullMQ, Bull, Bee-Queue and their NestJS
 * modules. Gives one row per queue, the repeatable jobs as schedules, and
 * the key prefix each queue owns in Redis.
 */
export const queuesAnalyzer: Analyzer<QueueItem> = {
  id: 'queues',
  keywords: [
    ...QUEUE_MODULES.filter(
      (module) => !QUEUE_LIBRARY_MODULES.includes(module),
    ),
    'Queue(',
    'Worker(',
  ],
  modules: QUEUE_LIBRARY_MODULES,
  extract: extractQueueItems,
  build: buildQueues,
};
