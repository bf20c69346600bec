import {
  QUEUE_LIBRARY_KEYWORDS,
  QUEUE_LIBRARY_MODULES,
} from '../shared/queue-library-keywords.js';
import type { Analyzer } from '../types.js';
import { LISTEN_KEYWORD } from './listen-keyword.js';
import { buildProcesses } from './build.js';
import { extractProcessFacts } from './extract.js';
import type { ProcessFact } from './types.js';

/**
 * Processes: what each entry point (package.json scripts, Procfile,
 * Dockerfile, compose, Kubernetes) runs, judged by the servers, workers and
 * schedules its imports start, with replica counts where manifests state them.
 */
export const processesAnalyzer: Analyzer<ProcessFact> = {
  id: 'processes',
  keywords: [
    'createServer',
    'NestFactory',
    'WebSocketServer',
    'WebSocketGateway',
    ...QUEUE_LIBRARY_KEYWORDS,
    '@Processor',
    'RabbitSubscribe',
    'SqsMessageHandler',
    'MessagePattern',
    'EventPattern',
    'node-cron',
    'node-schedule',
    'CronJob',
    '@Cron',
    '@Interval',
    '@hono/node-server',
    'startStandaloneServer',
  ],
  guardedKeywords: [LISTEN_KEYWORD],
  modules: ['ws', 'socket.io', '@socket.io', ...QUEUE_LIBRARY_MODULES],
  extract: extractProcessFacts,
  build: buildProcesses,
};
