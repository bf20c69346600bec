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
    'express-ws',
    '@fastify/websocket',
    'uWebSockets',
    'text/event-stream',
    '@Sse',
  ],
  // An import, not the text: `socket.io` is also `socket.io-client` and a
  // client's `socket.io.on(...)`, which serve no one.
  modules: ['ws', 'socket.io', '@socket.io'],
  extract: extractPushItems,
  build: buildPushPaths,
};
