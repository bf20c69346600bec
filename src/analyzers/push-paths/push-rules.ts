/** Adapters that carry socket.io broadcasts between instances, by module. */
export const ADAPTER_MODULES = new Set([
  '@socket.io/redis-adapter',
  '@socket.io/redis-streams-adapter',
  '@socket.io/postgres-adapter',
  '@socket.io/mongo-adapter',
  '@socket.io/cluster-adapter',
  '@socket.io/nats-adapter',
  'socket.io-redis',
]);

/** Modules of Redis clients whose pub/sub the relays listen to. */
export const REDIS_MODULES = new Set(['ioredis', 'redis', '@redis/client']);

/** Events a Redis subscriber emits for each message. */
export const MESSAGE_EVENTS = new Set([
  'message',
  'pmessage',
  'messageBuffer',
  'pmessageBuffer',
]);

/** Subscribe methods, and whether they take a pattern. */
export const SUBSCRIBE_METHODS: Record<string, boolean> = {
  subscribe: false,
  psubscribe: true,
  pSubscribe: true,
};
