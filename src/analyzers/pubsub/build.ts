import type { ArchitectureModel } from '../../model/types.js';
import type { BuildContext } from '../types.js';
import { RedisClientIndex } from '../shared/redis-client-index.js';
import { addAdapters } from './add-adapters.js';
import { addPostgres } from './add-postgres.js';
import { addRedisChannels } from './add-redis-channels.js';
import { ChannelTable } from './channel-table.js';
import type { PubSubItem } from './types.js';

/** Redis pub/sub channels, socket.io adapters and Postgres LISTEN/NOTIFY. */
export function buildPubSub(
  context: BuildContext<PubSubItem>,
): Partial<ArchitectureModel> {
  const { resolver } = context;
  const table = new ChannelTable();
  const index = new RedisClientIndex(
    context.allFacts,
    resolver,
    context.importGraph,
  );

  addRedisChannels(context.facts, index, resolver, table);
  addAdapters(context.facts, table, resolver);
  addPostgres(context.facts, table, resolver);
  return { pubsub: table.toModel() };
}
