import type {
  ArchitectureModel,
  OptionValue,
  RedisClient,
} from '../../model/types.js';
import type { BuildContext } from '../types.js';
import type { LocatedClient } from '../shared/redis-client-index.js';
import { RedisClientIndex } from '../shared/redis-client-index.js';
import { site, uniqueSites } from '../shared/site.js';
import { clientSettings, keyPrefixOf } from './client-settings.js';
import type { KeyOccurrence } from './key-occurrences.js';
import { keyOccurrences } from './key-occurrences.js';
import { mergeKeys } from './merge-keys.js';
import type { RedisKeysItem } from './types.js';

/** Clients with their settings, and every key pattern the code touches. */
export function buildRedisKeys(
  context: BuildContext<RedisKeysItem>,
): Partial<ArchitectureModel> {
  const index = new RedisClientIndex(
    context.allFacts,
    context.resolver,
    context.importGraph,
  );
  const settings = new Map<LocatedClient, Record<string, OptionValue>>();
  for (const client of index.creations()) {
    settings.set(client, clientSettings(client, context.resolver));
  }

  const occurrences: KeyOccurrence[] = [];
  for (const { file, items } of context.facts) {
    for (const item of items) {
      if (item.kind !== 'command') {
        continue;
      }
      const connection = index.identify(item.receiver, file);
      if (!connection) {
        continue;
      }
      const clientSettings = connection.client
        ? settings.get(connection.client)
        : undefined;
      const prefix = clientSettings ? keyPrefixOf(clientSettings) : undefined;
      occurrences.push(...keyOccurrences(item, file, prefix, context.resolver));
    }
  }

  return {
    redisClients: clientsOf(index, settings),
    redisKeys: mergeKeys(occurrences),
  };
}

/** One client per creation site; its `duplicate()` calls are sites of it. */
function clientsOf(
  index: RedisClientIndex,
  settings: Map<LocatedClient, Record<string, OptionValue>>,
): RedisClient[] {
  const duplicates = index.duplicates();
  return [...settings].map(([client, clientSettings]) => {
    const copies = duplicates.filter((copy) => copy.of?.client === client);
    return {
      library: client.fact.library,
      settings: clientSettings,
      sites: uniqueSites([
        site(client.file, client.fact.line, 'definition'),
        ...copies.map((copy) => site(copy.file, copy.line, 'duplicate')),
      ]),
    };
  });
}
