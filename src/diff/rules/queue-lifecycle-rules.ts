import type { QueueView } from '../queue-view.js';
import { consumerSites, primarySite, producerSites } from '../queue-view.js';
import type { DiffContext, DiffRule, FindingDraft } from './types.js';
import { at } from './types.js';

function label(view: QueueView): string {
  return `Queue \`${view.name}\` (${view.family})`;
}

function draft(
  view: QueueView,
  side: 'base' | 'head',
): Omit<FindingDraft, 'message' | 'why'> {
  return {
    subject: { kind: 'queue', name: view.name },
    identity: view.identity,
    ...at(primarySite(view.sites), side),
  };
}

export const queueAdded: DiffRule = {
  id: 'queue-added',
  severity: 'info',
  summary: 'A queue appears in the head.',
  detect: ({ queues }) =>
    queues.added.map((view) => ({
      ...draft(view, 'head'),
      message: `${label(view)} is added.`,
      why: 'A new queue needs workers deployed, Redis or broker capacity, and monitoring.',
    })),
};

export const queueRemoved: DiffRule = {
  id: 'queue-removed',
  severity: 'warning',
  summary: 'A queue of the base is gone from the head.',
  detect: ({ queues }) =>
    queues.removed.map((view) => ({
      ...draft(view, 'base'),
      message: `${label(view)} is removed.`,
      why:
        'Jobs already waiting in it are stranded in Redis or the broker once its ' +
        'workers are gone; drain it before deploying.',
    })),
};

/** Producers without consumers in the head, where the base did not have that gap. */
function newlyOneSided(
  { queues }: DiffContext,
  has: (view: QueueView) => boolean,
  lacks: (view: QueueView) => boolean,
): { view: QueueView; base?: QueueView }[] {
  const oneSided = (view: QueueView): boolean => has(view) && lacks(view);
  const fresh = queues.added.filter(oneSided).map((view) => ({ view }));
  const kept = queues.kept
    .filter((pair) => oneSided(pair.head) && !oneSided(pair.base))
    .map((pair) => ({ view: pair.head, base: pair.base }));
  return [...fresh, ...kept];
}

const hasProducer = (view: QueueView): boolean =>
  producerSites(view).length > 0;
const hasConsumer = (view: QueueView): boolean =>
  consumerSites(view).length > 0;

export const consumerMissing: DiffRule = {
  id: 'consumer-missing',
  severity: 'error',
  summary: 'A queue has producers but, newly, no consumer.',
  detect: (context) =>
    newlyOneSided(context, hasProducer, (view) => !hasConsumer(view)).map(
      ({ view }) => ({
        ...draft(view, 'head'),
        ...at(primarySite(producerSites(view)), 'head'),
        message: `${label(view)} has producers but no worker or consumer in this repository.`,
        why:
          'Jobs are added and nothing processes them: they pile up in Redis or the ' +
          'broker until memory runs out, unless a consumer lives in another service.',
      }),
    ),
};

export const producerMissing: DiffRule = {
  id: 'producer-missing',
  severity: 'info',
  summary: 'A queue has consumers but, newly, no producer.',
  detect: (context) =>
    newlyOneSided(context, hasConsumer, (view) => !hasProducer(view)).map(
      ({ view }) => ({
        ...draft(view, 'head'),
        ...at(primarySite(consumerSites(view)), 'head'),
        message: `${label(view)} has a consumer but nothing in this repository adds jobs to it.`,
        why:
          'Its workers hold connections and poll for nothing, unless jobs come from ' +
          'another service; if the producer was removed by mistake, work is silently lost.',
      }),
    ),
};
