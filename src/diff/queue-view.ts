import type { OptionValue, Queue, QueueLibrary, Site } from '../model/types.js';

/**
 * One queue as the diff sees it: every model entry of the same library
 * family and name folded together, so a Nest `@Processor` and a plain
 * `new Queue()` for the same queue count as one.
 */
export interface QueueView {
  /** `bullmq:emails`: what base and head queues are matched by. */
  identity: string;
  family: string;
  name: string;
  options: Record<string, OptionValue>;
  sites: Site[];
}

const FAMILIES: Record<QueueLibrary, string> = {
  bullmq: 'bullmq',
  'nestjs-bullmq': 'bullmq',
  bull: 'bull',
  'nestjs-bull': 'bull',
  'bee-queue': 'bee-queue',
  amqplib: 'amqplib',
  sqs: 'sqs',
  'sqs-consumer': 'sqs',
};

/** Families that keep every job in Redis unless told to remove it. */
const REDIS_FAMILIES = new Set(['bullmq', 'bull', 'bee-queue']);

export function queueFamily(library: QueueLibrary): string {
  return FAMILIES[library];
}

export function isRedisBacked(view: QueueView): boolean {
  return REDIS_FAMILIES.has(view.family);
}

/**
 * Folds the model's queues into views by identity. Where two entries state
 * the same option, the one of the alphabetically first library wins, so
 * the result never depends on the order analyzers emitted them in.
 */
export function queueViews(queues: readonly Queue[]): QueueView[] {
  const sorted = [...queues].sort((a, b) => a.library.localeCompare(b.library));
  const views = new Map<string, QueueView>();
  for (const queue of sorted) {
    const family = queueFamily(queue.library);
    const identity = `${family}:${queue.name}`;
    const view = views.get(identity) ?? {
      identity,
      family,
      name: queue.name,
      options: {},
      sites: [],
    };
    view.options = { ...queue.options, ...view.options };
    view.sites.push(...queue.sites);
    views.set(identity, view);
  }
  return [...views.values()];
}

// Analyzers name roles in plain words (`producer`, `worker`, `processor`);
// the meaning of the word counts, not one exact spelling.
const PRODUCER_ROLE = /produc|enqueue|\badd\b|publish|send/i;
const CONSUMER_ROLE = /consum|worker|process|subscri|receiv|listen|handler/i;

export function producerSites(view: QueueView): Site[] {
  return view.sites.filter((s) => PRODUCER_ROLE.test(s.role));
}

export function consumerSites(view: QueueView): Site[] {
  return view.sites.filter(
    (s) => CONSUMER_ROLE.test(s.role) && !PRODUCER_ROLE.test(s.role),
  );
}

/** The site a finding about the whole queue cites: its definition, else the first. */
export function primarySite(sites: readonly Site[]): Site | undefined {
  const ordered = [...sites].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line,
  );
  return ordered.find((s) => s.role === 'definition') ?? ordered[0];
}
