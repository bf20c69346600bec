import type { Resolver } from '../../facts/resolver.js';
import type { FailureHandling, Queue } from '../../model/types.js';
import { site } from '../shared/site.js';
import { effectItems } from './build-effects.js';
import { queueNameOf, queueTargetOf } from './queue-target.js';
import type { RawProcessor } from './types.js';

export function buildProcessor(
  fact: RawProcessor,
  file: string,
  resolver: Resolver,
  queues: readonly Queue[],
): FailureHandling[] {
  const queue = processorQueue(fact, file, resolver);
  if (queue === null) {
    return [];
  }
  const processorSite = site(file, fact.line, 'processor');
  const items: FailureHandling[] = [];
  if (fact.swallowedAt !== undefined) {
    const catchSite = site(file, fact.swallowedAt, 'catch');
    items.push({
      kind: 'error-swallowed',
      ...(queue === undefined ? {} : { queue }),
      detail: swallowDetail(fact, queue, `${file}:${fact.swallowedAt}`, queues),
      sites: [processorSite, catchSite],
    });
  }
  return [...items, ...effectItems(fact, file, resolver, processorSite, queue)];
}

/** The queue name; undefined when unknown; null when `x.process()` is no queue's. */
function processorQueue(
  fact: RawProcessor,
  file: string,
  resolver: Resolver,
): string | undefined | null {
  if (fact.queue) {
    return queueNameOf(resolver.resolve(fact.queue, file));
  }
  if (!fact.receiver) {
    return undefined;
  }
  const target = queueTargetOf(resolver.resolve(fact.receiver, file));
  if (target) {
    return target.library === 'bullmq' && target.owner !== 'queue'
      ? null
      : target.name;
  }
  return fact.queueFile ? undefined : null;
}

function swallowDetail(
  fact: RawProcessor,
  queue: string | undefined,
  at: string,
  queues: readonly Queue[],
): string {
  const of = queue === undefined ? '' : ` of ${queue}`;
  switch (fact.library) {
    case 'amqplib':
      return (
        `the consumer${of} acks the message in the catch at ${at} instead ` +
        'of nacking it, so failed messages are dropped: never redelivered ' +
        'or dead-lettered'
      );
    case 'sqs-consumer':
      return (
        `the handler${of} catches every error at ${at} and returns ` +
        'normally, so sqs-consumer deletes failed messages: never retried ' +
        'or redriven'
      );
    default:
      return (
        `the processor${of} catches every error at ${at} and neither ` +
        'rethrows nor fails the job, so failed jobs complete and ' +
        `retries${attemptsNote(queue, queues)} never run`
      );
  }
}

/** ` (attempts: 5)` when the queue model states attempts. */
function attemptsNote(
  queue: string | undefined,
  queues: readonly Queue[],
): string {
  const attempts = queues.find((q) => q.name === queue && q.options.attempts)
    ?.options.attempts;
  return attempts ? ` (attempts: ${attempts.text})` : '';
}
