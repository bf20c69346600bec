import type { Analyzer } from '../types.js';
import { buildPushPaths } from './build.js';
import { extractPushItems } from './extract.js';
import type { PushItem } from './types.js';

/**
 * Push paths: websocket, socket.io and SSE servers, the sends that reach
 * their clients, and what carries a message from the instance that produced
 * it to the instance holding the connection (pub/sub relay, socket.io adapter).
 */
export const pushPathsAnalyzer: Analyzer<PushItem> = {
  id: 'push-paths',
  keywords: [
    'WebSocket',
    'socket.io',
    'express-ws',
    '@fastify/websocket',
    'uWebSockets',
    'text/event-stream',
    '@Sse',
  ],
  modules: ['ws'],
  extract: extractPushItems,
  build: buildPushPaths,
};
