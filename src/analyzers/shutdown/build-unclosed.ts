import type { Expr } from '../../facts/expr.js';
import { patternOf } from '../../facts/expr.js';
import type { Resolver } from '../../facts/resolver.js';
import type {
  Queue,
  ShutdownHandler,
  Site,
  UnclosedResource,
} from '../../model/types.js';
import { queueHandleOf } from '../shared/queue-handle.js';
import { site, uniqueSites } from '../shared/site.js';
import type { FileItems } from '../types.js';
import { sqsQueueName } from './sqs-queue-name.js';
import type { RawConsumer, RawShutdownFact } from './types.js';

/** A worker or consumer that runs until something closes it. */
export interface ConsumerEntry {
  /** worker:<queue> or consumer:<queue>. */
  resource: string;
  /** bull-like queues close their processors; NestJS closes its own on shutdown hooks. */
  closedWith: Set<string>;
  nestManaged: boolean;
  sites: Site[];
  /** `file#variable` names the consumer is held in. */
  bindings: string[];
}

const WORKER_LIBRARIES = new Set([
  'bullmq',
  'bull',
  'bee-queue',
  'nestjs-bullmq',
  'nestjs-bull',
]);
const CONSUMER_LIBRARIES = new Set(['sqs-consumer', 'amqplib']);

/** Every worker and consumer, from this analyzer's facts and the queue model, by resource. */
export function consumerEntries(
  facts: FileItems<RawShutdownFact>[],
  queues: readonly Queue[],
  resolver: Resolver,
): Map<string, ConsumerEntry> {
  const entries = new Map<string, ConsumerEntry>();
  for (const { file, items } of facts) {
    for (const fact of items) {
      const entry =
        fact.type === 'consumer' ? ownEntry(fact, file, resolver) : undefined;
      if (entry) {
        add(entries, entry);
      }
    }
  }
  for (const queue of queues) {
    const sites = queue.sites.filter((s) => s.role === 'consumer');
    if (
      sites.length > 0 &&
      (WORKER_LIBRARIES.has(queue.library) ||
        CONSUMER_LIBRARIES.has(queue.library))
    ) {
      add(entries, modelEntry(queue, sites));
    }
  }
  return entries;
}

/** Consumers no handler closes, directly, through their queue or as `workers:*`. */
export function unclosedConsumers(
  entries: Map<string, ConsumerEntry>,
  handlers: readonly ShutdownHandler[],
): UnclosedResource[] {
  const closed = new Set(handlers.flatMap((handler) => handler.closes));
  const nestHooks = handlers.some(
    (handler) => handler.trigger === 'enableShutdownHooks',
  );
  const open: UnclosedResource[] = [];
  for (const entry of entries.values()) {
    const isClosed =
      closed.has('workers:*') ||
      [...entry.closedWith].some((name) => closed.has(name)) ||
      (entry.nestManaged && nestHooks);
    if (!isClosed) {
      open.push({ resource: entry.resource, sites: uniqueSites(entry.sites) });
    }
  }
  return open.sort((a, b) => compareSites(a.sites[0], b.sites[0]));
}

function compareSites(a: Site | undefined, b: Site | undefined): number {
  return (
    (a?.file ?? '').localeCompare(b?.file ?? '') ||
    (a?.line ?? 0) - (b?.line ?? 0)
  );
}

function ownEntry(
  fact: RawConsumer,
  file: string,
  resolver: Resolver,
): ConsumerEntry | undefined {
  const resolved = fact.receiver
    ? resolver.resolve(fact.receiver, file)
    : undefined;
  const handle = resolved ? queueHandleOf(resolved) : undefined;
  if (resolved && !handle && isLibraryObject(resolved)) {
    // `x.process()` on some other library's object is not a Bull worker.
    return undefined;
  }
  const queue = fact.queue ? resolver.resolve(fact.queue, file) : undefined;
  const written = fact.library === 'sqs-consumer' ? sqsQueueName : queueNameOf;
  const name =
    handle?.name ??
    (queue ? written(queue) : `{${fact.receiver?.text ?? '?'}}`);
  const isConsumer =
    fact.library === 'sqs-consumer' || fact.library === 'amqplib';
  const resource = `${isConsumer ? 'consumer' : 'worker'}:${name}`;
  const closedWith = new Set([resource]);
  if (fact.library === 'bull') {
    closedWith.add(`queue:${name}`);
  }
  if (fact.library === 'amqplib') {
    closedWith.add('amqp');
  }
  return {
    resource,
    closedWith,
    nestManaged: fact.library === 'nestjs',
    sites: [site(file, fact.line, 'consumer')],
    bindings: fact.bindingName ? [`${file}#${fact.bindingName}`] : [],
  };
}

function modelEntry(queue: Queue, sites: Site[]): ConsumerEntry {
  const isConsumer = CONSUMER_LIBRARIES.has(queue.library);
  const resource = `${isConsumer ? 'consumer' : 'worker'}:${queue.name}`;
  const closedWith = new Set([resource]);
  if (queue.library !== 'bullmq') {
    closedWith.add(isConsumer ? 'amqp' : `queue:${queue.name}`);
  }
  return {
    resource,
    closedWith,
    nestManaged: queue.library.startsWith('nestjs-'),
    sites,
    bindings: [],
  };
}

function isLibraryObject(expr: Expr): boolean {
  return (expr.k === 'new' || expr.k === 'call') && expr.callee.k === 'ext';
}

function add(entries: Map<string, ConsumerEntry>, entry: ConsumerEntry): void {
  const known = entries.get(entry.resource);
  if (!known) {
    entries.set(entry.resource, entry);
    return;
  }
  entry.closedWith.forEach((name) => known.closedWith.add(name));
  known.nestManaged ||= entry.nestManaged;
  known.sites.push(...entry.sites);
  known.bindings.push(...entry.bindings);
}

/** `'email'`, `{ name: 'email' }` of `@Processor`, or the text in braces. */
function queueNameOf(expr: Expr): string {
  if (expr.k === 'obj') {
    const name = expr.props.findLast(([key]) => key === 'name')?.[1];
    return name ? patternOf(name) : patternOf(expr);
  }
  return patternOf(expr);
}
