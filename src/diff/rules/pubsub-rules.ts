import type { PubSubChannel } from '../../model/types.js';
import type { Matched } from '../match-by-identity.js';
import { matchByIdentity } from '../match-by-identity.js';
import { primarySite } from '../queue-view.js';
import type { DiffContext, DiffRule, FindingDraft } from './types.js';
import { at } from './types.js';

export function channelIdentity(channel: PubSubChannel): string {
  return `${channel.transport}:${channel.channel}`;
}

function channels(context: DiffContext): Matched<PubSubChannel> {
  return matchByIdentity(
    context.base.pubsub,
    context.head.pubsub,
    channelIdentity,
  );
}

function draft(
  channel: PubSubChannel,
  side: 'base' | 'head',
): Omit<FindingDraft, 'message' | 'why'> {
  const sites = [
    ...channel.sites,
    ...channel.publishers,
    ...channel.subscribers,
  ];
  return {
    subject: { kind: 'channel', name: channel.channel },
    identity: channelIdentity(channel),
    ...at(primarySite(sites), side),
  };
}

function label(channel: PubSubChannel): string {
  const kind = channel.pattern ? 'pattern subscription' : 'channel';
  return `Pub/sub ${kind} \`${channel.channel}\` (${channel.transport})`;
}

export const pubsubChannelAdded: DiffRule = {
  id: 'pubsub-channel-added',
  severity: 'info',
  summary: 'A pub/sub channel appears.',
  detect: (context) =>
    channels(context).added.map((channel) => ({
      ...draft(channel, 'head'),
      message: `${label(channel)} is added.`,
      why:
        'Pub/sub delivers only to subscribers connected at that moment: a message ' +
        'published during a restart or deploy is lost, and every replica receives each one.',
    })),
};

export const pubsubChannelRemoved: DiffRule = {
  id: 'pubsub-channel-removed',
  severity: 'warning',
  summary: 'A pub/sub channel of the base is gone.',
  detect: (context) =>
    channels(context).removed.map((channel) => ({
      ...draft(channel, 'base'),
      message: `${label(channel)} is removed.`,
      why:
        'Publishers or subscribers in other services, or replicas still running the ' +
        'old code during a deploy, keep using it and get no answer.',
    })),
};
