import { patternOf, propOf } from '../../facts/expr.js';
import type { Resolver } from '../../facts/resolver.js';
import type { FileItems } from '../types.js';
import { site } from '../shared/site.js';
import type { ChannelTable } from './channel-table.js';
import type { PubSubItem } from './types.js';

/** What the adapters name their channel or stream when no option is given. */
const DEFAULT_KEY = 'socket.io';

/**
 * Each socket.io Redis adapter is one channel that every instance both
 * publishes broadcasts to and subscribes to: its purpose is push.
 */
export function addAdapters(
  facts: FileItems<PubSubItem>[],
  table: ChannelTable,
  resolver: Resolver,
): void {
  for (const { file, items } of facts) {
    const uses = items.filter((item) => item.kind === 'adapter-use');
    for (const item of items) {
      if (item.kind !== 'adapter') {
        continue;
      }
      const options = item.options
        ? resolver.resolve(item.options, file)
        : undefined;
      const key = propOf(options, item.option);
      const name = `${key ? patternOf(key) : DEFAULT_KEY}${item.suffix}`;
      const entry = table.entry('socket.io-adapter', name);
      entry.purpose = 'push';
      entry.publishers.push(site(file, item.line, 'adapter'));
      entry.subscribers.push(site(file, item.line, 'adapter'));
      for (const use of uses) {
        entry.subscribers.push(site(file, use.line, 'adapter'));
      }
    }
  }
}
