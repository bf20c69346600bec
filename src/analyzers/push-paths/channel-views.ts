import { patternOf } from '../../facts/expr.js';
import type { Resolver } from '../../facts/resolver.js';
import type { ArchitectureModel, Site } from '../../model/types.js';
import { site } from '../shared/site.js';
import type { FileItems } from '../types.js';
import type { PushItem } from './types.js';

/** A pub/sub channel with who publishes to it and who subscribes. */
export interface ChannelView {
  name: string;
  pattern: boolean;
  publishers: Site[];
  subscribers: Site[];
}

/**
 * Channels from the pub/sub analyzer, completed with the subscriptions
 * and publishes seen here for channels it did not report. Socket.io
 * adapter channels are left to the adapter paths.
 */
export function channelViews(
  model: Readonly<ArchitectureModel>,
  facts: readonly FileItems<PushItem>[],
  resolver: Resolver,
): ChannelView[] {
  const views = new Map<string, ChannelView>();
  for (const channel of model.pubsub) {
    if (channel.transport !== 'socket.io-adapter') {
      const view: ChannelView = {
        name: channel.channel,
        pattern: channel.pattern,
        publishers: [...channel.publishers],
        subscribers: [...channel.subscribers],
      };
      views.set(channel.channel, view);
    }
  }
  const fromModel = new Set(views.keys());
  const citedByModel = new Set(
    [...views.values()]
      .flatMap((v) => [...v.publishers, ...v.subscribers])
      .map(siteKey),
  );
  for (const { file, items } of facts) {
    for (const item of items) {
      if (item.kind !== 'subscribe' && item.kind !== 'publish') {
        continue;
      }
      const name = patternOf(resolver.resolve(item.channel, file));
      if (
        fromModel.has(name) ||
        citedByModel.has(siteKey({ file, line: item.line }))
      ) {
        continue;
      }
      const view = views.get(name) ?? {
        name,
        pattern: false,
        publishers: [],
        subscribers: [],
      };
      if (item.kind === 'subscribe') {
        view.pattern ||= item.pattern;
        view.subscribers.push(site(file, item.line, 'subscribe'));
      } else {
        view.publishers.push(site(file, item.line, 'publish'));
      }
      views.set(name, view);
    }
  }
  return [...views.values()];
}

function siteKey(at: { file: string; line: number }): string {
  return `${at.file}:${at.line}`;
}

/** Publishers whose channel a subscription to `view` receives (globs for patterns). */
export function publishersFor(
  view: ChannelView,
  all: readonly ChannelView[],
): Site[] {
  if (!view.pattern) {
    return all
      .filter((other) => other.name === view.name)
      .flatMap((other) => other.publishers);
  }
  return all
    .filter((other) => globMatches(view.name, other.name))
    .flatMap((other) => other.publishers);
}

/** Longer patterns or names are compared as plain text: no real channel is that long. */
const MAX_GLOB_TEXT = 1000;

/**
 * Redis `PSUBSCRIBE` glob match (`*`, `?`), walking back only to the last
 * `*`: a regular expression built from the pattern backtracked
 * exponentially on `*a*a*a*b`, and both sides come from analyzed code.
 */
function globMatches(pattern: string, name: string): boolean {
  if (pattern.length > MAX_GLOB_TEXT || name.length > MAX_GLOB_TEXT) {
    return pattern === name;
  }
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (pattern[p] === '*') {
      star = p++;
      resume = n;
    } else if (
      p < pattern.length &&
      (pattern[p] === '?' || pattern[p] === name[n])
    ) {
      p++;
      n++;
    } else if (star !== -1) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') {
    p++;
  }
  return p === pattern.length;
}
