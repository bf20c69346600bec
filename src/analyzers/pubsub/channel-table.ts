import type { PubSubChannel, Site } from '../../model/types.js';
import { uniqueSites } from '../shared/site.js';
import { globCovers } from './glob-covers.js';
import type { HandlerFacts } from './types.js';

interface Draft {
  channel: string;
  transport: string;
  publishers: Site[];
  subscribers: Site[];
  pattern: boolean;
  handlers: HandlerFacts[];
  purpose?: string;
}

/** Channel names that say they carry cache invalidations. */
const INVALIDATION_NAME =
  /invalidat|cache.*(del|delete|clear|evict|purge|bust)/i;

/** Collects publishers and subscribers per (transport, channel). */
export class ChannelTable {
  private readonly drafts = new Map<string, Draft>();

  entry(transport: string, channel: string): Draft {
    const id = `${transport}\0${channel}`;
    let draft = this.drafts.get(id);
    if (!draft) {
      draft = {
        channel,
        transport,
        publishers: [],
        subscribers: [],
        pattern: false,
        handlers: [],
      };
      this.drafts.set(id, draft);
    }
    return draft;
  }

  /** Channels of one transport whose subscriber sites include `file`. */
  subscribedIn(transport: string, file: string): Draft[] {
    return [...this.drafts.values()].filter(
      (draft) =>
        draft.transport === transport &&
        draft.subscribers.some((site) => site.file === file),
    );
  }

  toModel(): PubSubChannel[] {
    const channels = [...this.drafts.values()].map((draft) => {
      const channel: PubSubChannel = {
        channel: draft.channel,
        transport: draft.transport,
        publishers: uniqueSites(draft.publishers),
        subscribers: uniqueSites([
          ...draft.subscribers,
          ...this.patternSubscribers(draft),
        ]),
        pattern: draft.pattern,
        sites: uniqueSites([...draft.publishers, ...draft.subscribers]),
      };
      const purpose = draft.purpose ?? purposeOf(draft);
      return purpose ? { ...channel, purpose } : channel;
    });
    return channels.sort(
      (a, b) =>
        a.transport.localeCompare(b.transport) ||
        a.channel.localeCompare(b.channel),
    );
  }

  /**
   * Subscribers of the same transport's patterns that receive every message
   * published on `draft`: `psubscribe('user:*')` receives `user:{id}`.
   */
  private patternSubscribers(draft: Draft): Site[] {
    if (draft.pattern || draft.publishers.length === 0) {
      return [];
    }
    return [...this.drafts.values()]
      .filter(
        (other) =>
          other.pattern &&
          other.transport === draft.transport &&
          globCovers(other.channel, draft.channel),
      )
      .flatMap((other) => other.subscribers);
  }
}

/**
 * The name decides first; then what subscribers do: a handler that sends to
 * sockets makes a push channel, one that drops cache entries an
 * invalidation channel.
 */
function purposeOf(draft: Draft): string | undefined {
  if (INVALIDATION_NAME.test(draft.channel)) {
    return 'cache-invalidation';
  }
  if (draft.handlers.some((handler) => handler.pushes !== undefined)) {
    return 'push';
  }
  if (draft.handlers.some((handler) => handler.invalidates)) {
    return 'cache-invalidation';
  }
  return undefined;
}
