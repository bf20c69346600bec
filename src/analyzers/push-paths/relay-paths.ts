import { patternOf } from '../../facts/expr.js';
import type { Resolver } from '../../facts/resolver.js';
import type { PushHop, PushPath, Site } from '../../model/types.js';
import { site } from '../shared/site.js';
import type { FileItems } from '../types.js';
import type { ChannelView } from './channel-views.js';
import { publishersFor } from './channel-views.js';
import type { PushItem } from './types.js';

type Relay = Extract<PushItem, { kind: 'relay' }>;

/** What the relay paths need besides this analyzer's items. */
export interface RelayInputs {
  facts: readonly FileItems<PushItem>[];
  channels: readonly ChannelView[];
  workerFiles: ReadonlySet<string>;
  resolver: Resolver;
}

/**
 * Publish -> channel -> subscriber -> socket send: one path per relay and
 * channel it receives. Publishers in queue workers are preferred; a path
 * is complete when a publisher, the channel, the subscriber and a send
 * were all found.
 */
export function relayPaths(inputs: RelayInputs): PushPath[] {
  const paths: PushPath[] = [];
  for (const { file, items } of inputs.facts) {
    for (const relay of items.filter(
      (item): item is Relay => item.kind === 'relay',
    )) {
      for (const channel of channelsOf(relay, file, inputs)) {
        paths.push(relayPath(relay, file, channel, inputs));
      }
    }
  }
  return paths;
}

/** The channels a relay's handler receives; an unknown channel is kept as undefined. */
function channelsOf(
  relay: Relay,
  file: string,
  inputs: RelayInputs,
): (ChannelView | undefined)[] {
  if (relay.channel) {
    const name = patternOf(inputs.resolver.resolve(relay.channel, file));
    const view = inputs.channels.find((c) => c.name === name);
    return [
      view ?? {
        name,
        pattern: false,
        publishers: [],
        subscribers: [site(file, relay.line, 'subscribe')],
      },
    ];
  }
  const subscribed = inputs.channels.filter((c) =>
    c.subscribers.some((s) => s.file === file),
  );
  return subscribed.length > 0 ? subscribed : [undefined];
}

function relayPath(
  relay: Relay,
  file: string,
  channel: ChannelView | undefined,
  inputs: RelayInputs,
): PushPath {
  const hops: PushHop[] = [...publishHops(channel, inputs)];
  const inFile = channel?.subscribers.filter((s) => s.file === file) ?? [];
  // The pub/sub analyzer may also cite the handler; the channel is named at the subscribe call.
  const subscribeSite = inFile.find((s) => s.role !== 'handler') ?? inFile[0];
  if (channel && subscribeSite) {
    const detail = `${channel.pattern ? 'pattern' : 'channel'} ${channel.name}`;
    hops.push({
      step: 'channel',
      detail,
      site: { ...subscribeSite, role: 'subscribe' },
    });
  }
  const handler = site(file, relay.line, 'subscribe');
  hops.push({
    step: 'subscriber',
    detail: `${relay.detail} handles each message`,
    site: handler,
  });
  for (const send of relay.sends) {
    const detail = `${send.detail} writes to clients connected to the subscribing instance`;
    hops.push({
      step: 'socket-send',
      detail,
      site: site(file, send.line, 'socket-send'),
    });
  }

  const complete =
    hops.some((h) => h.step.endsWith('publish')) &&
    hops.some((h) => h.step === 'channel');
  const transport = relay.sends[0]?.transport ?? 'websocket';
  return {
    transport,
    ...(channel ? { channel: channel.name } : {}),
    complete,
    hops,
    sites: hops.map((hop) => hop.site),
  };
}

/** `worker-publish` hops for publishers in queue workers, else `publish` for all. */
function publishHops(
  channel: ChannelView | undefined,
  inputs: RelayInputs,
): PushHop[] {
  const publishers: Site[] = channel
    ? publishersFor(channel, inputs.channels)
    : [];
  const inWorkers = publishers.filter((p) => inputs.workerFiles.has(p.file));
  if (inWorkers.length > 0) {
    return inWorkers.map((p) => ({
      step: 'worker-publish',
      detail: `a queue worker publishes to ${channel?.name ?? 'the channel'}`,
      site: { ...p, role: 'publish' },
    }));
  }
  return publishers.map((p) => ({
    step: 'publish',
    detail: `publishes to ${channel?.name ?? 'the channel'} (not from a queue worker)`,
    site: { ...p, role: 'publish' },
  }));
}
