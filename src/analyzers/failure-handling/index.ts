import {
  QUEUE_LIBRARY_KEYWORDS,
  QUEUE_LIBRARY_MODULES,
} from '../shared/queue-library-keywords.js';
import type { Analyzer } from '../types.js';
import { buildFailureHandling } from './build.js';
import { extractFailureFacts } from './extract.js';
import type { RawFailureFact } from './types.js';

/**
 * How failed jobs are handled: failed, stalled and error listeners,
 * processors whose catch swallows every error (so retries never run),
 * custom dead-letter queues and monitoring. Broker dead-letter settings
 * (DLX, SQS redrive) belong to the brokers analyzer.
 */
export const failureHandlingAnalyzer: Analyzer<RawFailureFact> = {
  id: 'failure-handling',
  keywords: [
    'OnQueue',
    'OnWorkerEvent',
    'OnGlobalQueue',
    ...QUEUE_LIBRARY_KEYWORDS,
    'bull-board',
    'bull-arena',
    'bullmq-prometheus',
    'bull-prom',
    '@bull-monitor',
    'prom-client',
  ],
  modules: QUEUE_LIBRARY_MODULES,
  extract: extractFailureFacts,
  build: buildFailureHandling,
};
