import {
  QUEUE_LIBRARY_KEYWORDS,
  QUEUE_LIBRARY_MODULES,
} from '../shared/queue-library-keywords.js';
import type { Analyzer } from '../types.js';
import { LIFECYCLE_HOOK_KEYWORDS } from './lifecycle-keywords.js';
import { buildShutdown } from './build.js';
import { extractShutdownFacts } from './extract.js';
import type { RawShutdownFact } from './types.js';

/**
 * Graceful shutdown: signal handlers, NestJS shutdown hooks, terminus and
 * close-with-grace, what each closes and its deadline; and the workers and
 * consumers that no shutdown path closes, whose jobs a deploy interrupts.
 */
export const shutdownAnalyzer: Analyzer<RawShutdownFact> = {
  id: 'shutdown',
  keywords: [
    'SIGTERM',
    'SIGINT',
    'SIGHUP',
    'SIGQUIT',
    'SIGUSR2',
    'beforeExit',
    'ShutdownHooks',
    'terminus',
    'close-with-grace',
    'http-terminator',
    ...QUEUE_LIBRARY_KEYWORDS,
  ],
  guardedKeywords: LIFECYCLE_HOOK_KEYWORDS,
  modules: QUEUE_LIBRARY_MODULES,
  extract: extractShutdownFacts,
  build: buildShutdown,
};
