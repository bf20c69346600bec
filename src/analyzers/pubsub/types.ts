import type { Expr } from '../../facts/expr.js';
import type { RedisReceiver } from '../shared/redis-receiver.js';

/** What a message handler does, from its body. */
export interface HandlerFacts {
  line: number;
  /** The call that sends to sockets (`io.to(room).emit`), when there is one. */
  pushes?: string;
  /** Whether the body invalidates a cache. */
  invalidates: boolean;
}

/** `redis.publish(channel, message)`. */
export interface PublishFact {
  kind: 'publish';
  line: number;
  channel: Expr;
  receiver: RedisReceiver;
}

/** `subscribe(a, b)`, `psubscribe(pattern)`, node-redis `subscribe(ch, listener)`. */
export interface SubscribeFact {
  kind: 'subscribe';
  line: number;
  channels: Expr[];
  pattern: boolean;
  receiver: RedisReceiver;
  /** The trailing function argument: a listener in node-redis, a callback in ioredis. */
  listener?: HandlerFacts;
}

/** `sub.on('message' | 'pmessage', handler)`. */
export interface MessageHandlerFact {
  kind: 'message-handler';
  line: number;
  pattern: boolean;
  receiver: RedisReceiver;
  handler: HandlerFacts;
}

/** A socket.io Redis adapter: every instance publishes and subscribes on it. */
export interface AdapterFact {
  kind: 'adapter';
  line: number;
  /** The options argument, read at build for the channel key. */
  options: Expr | null;
  /** Option naming the channel or stream, and what the library defaults it to. */
  option: 'key' | 'channelPrefix' | 'streamName';
  suffix: string;
}

/** `io.adapter(...)` in a file that builds an adapter. */
export interface AdapterUseFact {
  kind: 'adapter-use';
  line: number;
}

/** A SQL query that may LISTEN or NOTIFY (Postgres). */
export interface PgQueryFact {
  kind: 'pg-query';
  line: number;
  sql: Expr;
  params: Expr | null;
}

/** `client.on('notification', handler)` (Postgres). */
export interface PgHandlerFact {
  kind: 'pg-handler';
  line: number;
  handler: HandlerFacts;
}

export type PubSubItem =
  | PublishFact
  | SubscribeFact
  | MessageHandlerFact
  | AdapterFact
  | AdapterUseFact
  | PgQueryFact
  | PgHandlerFact;
