import type { Analyzer } from '../types.js';
import { buildPubSub } from './build.js';
import { extractPubSub } from './extract.js';
import type { PubSubItem } from './types.js';

/**
 * Pub/sub channels: Redis publish/subscribe with their handlers, socket.io
 * Redis adapters and Postgres LISTEN/NOTIFY, with what each channel is for.
 */
export const pubsubAnalyzer: Analyzer<PubSubItem> = {
  id: 'pubsub',
  keywords: ['pmessage', 'LISTEN', 'NOTIFY', 'pg_notify'],
  codeKeywords: ['redis', 'Redis'],
  extract: extractPubSub,
  build: buildPubSub,
};
