import type { Resolver } from '../../facts/resolver.js';
import type { FileItems } from '../types.js';
import type {
  RedisClientIndex,
  RedisConnection,
} from '../shared/redis-client-index.js';
import { site } from '../shared/site.js';
import { channelNames } from './channel-names.js';
import type { ChannelTable } from './channel-table.js';
import type { MessageHandlerFact, PubSubItem, SubscribeFact } from './types.js';

interface Subscription {
  channels: string[];
  pattern: boolean;
}

type RedisFact = Exclude<
  PubSubItem,
  { kind: 'adapter' | 'adapter-use' | 'pg-query' | 'pg-handler' }
>;

/**
 * Redis publishers and subscribers on receivers that are Redis clients. An
 * `on('message')` handler serves what its own connection subscribed to:
 * the same client object, traced across files.
 */
export function addRedisChannels(
  facts: FileItems<PubSubItem>[],
  index: RedisClientIndex,
  resolver: Resolver,
  table: ChannelTable,
): void {
  const subscriptions = new Map<string, Subscription[]>();
  const handlers: {
    file: string;
    fact: MessageHandlerFact;
    connection: string;
  }[] = [];
  for (const { file, fact, connection } of onRedis(facts, index)) {
    if (fact.kind === 'publish') {
      for (const name of channelNames(fact.channel, file, resolver)) {
        table
          .entry('redis', name)
          .publishers.push(site(file, fact.line, 'publisher'));
      }
    } else if (fact.kind === 'subscribe') {
      const channels = fact.channels.flatMap((expr) =>
        channelNames(expr, file, resolver),
      );
      const list = subscriptions.get(connection.connection) ?? [];
      subscriptions.set(connection.connection, [
        ...list,
        { channels, pattern: fact.pattern },
      ]);
      subscribe(table, file, fact, channels, connection);
    } else {
      handlers.push({ file, fact, connection: connection.connection });
    }
  }

  for (const { file, fact, connection } of handlers) {
    const served = (subscriptions.get(connection) ?? []).filter(
      (subscription) => subscription.pattern === fact.pattern,
    );
    for (const name of served.flatMap(
      (subscription) => subscription.channels,
    )) {
      const entry = table.entry('redis', name);
      entry.subscribers.push(site(file, fact.line, 'handler'));
      entry.handlers.push(fact.handler);
    }
  }
}

function* onRedis(
  facts: FileItems<PubSubItem>[],
  index: RedisClientIndex,
): Generator<{ file: string; fact: RedisFact; connection: RedisConnection }> {
  for (const { file, items } of facts) {
    for (const fact of items) {
      if (
        fact.kind !== 'publish' &&
        fact.kind !== 'subscribe' &&
        fact.kind !== 'message-handler'
      ) {
        continue;
      }
      const connection = index.identify(fact.receiver, file);
      if (connection) {
        yield { file, fact, connection };
      }
    }
  }
}

function subscribe(
  table: ChannelTable,
  file: string,
  fact: SubscribeFact,
  channels: string[],
  connection: RedisConnection,
): void {
  for (const name of channels) {
    const entry = table.entry('redis', name);
    entry.pattern ||= fact.pattern;
    entry.subscribers.push(site(file, fact.line, 'subscriber'));
    // node-redis hands messages to this listener; ioredis's callback only confirms.
    if (fact.listener && connection.library === 'redis') {
      entry.subscribers.push(site(file, fact.listener.line, 'handler'));
      entry.handlers.push(fact.listener);
    }
  }
}
