import type { Resolver } from '../../facts/resolver.js';
import type { FailureHandling } from '../../model/types.js';
import { site } from '../shared/site.js';
import { effectItems } from './build-effects.js';
import type { QueueTarget } from './queue-target.js';
import { queueNameOf, queueTargetOf } from './queue-target.js';
import type { RawListener } from './types.js';

/** An emitter that is not a queue object may still be one when its name says so. */
const QUEUE_LIKE = /worker|queue|events/i;

export function buildListener(
  fact: RawListener,
  file: string,
  resolver: Resolver,
): FailureHandling[] {
  const target = listenedTarget(fact, file, resolver);
  if (!target && !isLikelyQueueEmitter(fact)) {
    return [];
  }
  const queue = target?.name;
  const owner = target
    ? `the ${target.name} ${target.owner}`
    : (fact.receiver?.text ?? 'a queue');
  const at = site(file, fact.line, 'listener');
  const listener: FailureHandling = {
    kind: listenerKind(fact.event),
    ...(queue === undefined ? {} : { queue }),
    detail: `'${fact.event}' listener on ${owner}`,
    sites: [at],
  };
  const effects = fact.event.endsWith('error')
    ? { moves: [], reports: fact.reports }
    : fact;
  return [listener, ...effectItems(effects, file, resolver, at, queue)];
}

function listenedTarget(
  fact: RawListener,
  file: string,
  resolver: Resolver,
): QueueTarget | undefined {
  if (fact.classQueue) {
    const name = queueNameOf(resolver.resolve(fact.classQueue, file));
    return { owner: 'processor', name, library: 'nestjs' };
  }
  return fact.receiver
    ? queueTargetOf(resolver.resolve(fact.receiver, file))
    : undefined;
}

/**
 * `error` is emitted by every client and server, so only a known queue
 * object counts; `failed` and `stalled` are queue words when the file uses
 * a queue library and the emitter is named like one.
 */
function isLikelyQueueEmitter(fact: RawListener): boolean {
  if (fact.event.endsWith('error')) {
    return false;
  }
  return (
    fact.classQueue !== undefined ||
    (fact.queueFile && QUEUE_LIKE.test(fact.receiver?.text ?? ''))
  );
}

function listenerKind(event: string): string {
  if (event.endsWith('failed')) {
    return 'failed-listener';
  }
  return event.endsWith('stalled') ? 'stalled-listener' : 'error-listener';
}
