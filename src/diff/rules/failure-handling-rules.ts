import type { FailureHandling } from '../../model/types.js';
import type { Matched } from '../match-by-identity.js';
import { matchByIdentity } from '../match-by-identity.js';
import { primarySite } from '../queue-view.js';
import type { QueueView } from '../queue-view.js';
import type { DiffContext, DiffRule, FindingDraft } from './types.js';
import { at } from './types.js';

/**
 * One mechanism per kind and queue: details quote option values and
 * `file:line`, which change without the mechanism changing. Items tied to
 * no queue fall back to their detail with locations taken out.
 */
function handlingIdentity(item: FailureHandling): string {
  if (item.queue !== undefined) {
    return `${item.kind}:queue:${item.queue}`;
  }
  // Starting only at a word's start keeps this linear on one long word.
  const detail = item.detail
    .replace(/(?<!\S)\S+:\d+\b/g, '')
    .replace(/\s+/g, ' ');
  return `${item.kind}:${detail.trim()}`;
}

function ofKind(context: DiffContext, kind: string): Matched<FailureHandling> {
  const only = (items: FailureHandling[]): FailureHandling[] =>
    items.filter((item) => item.kind === kind);
  return matchByIdentity(
    only(context.base.failureHandling),
    only(context.head.failureHandling),
    handlingIdentity,
  );
}

function ofQueue(item: FailureHandling, preposition: string): string {
  return item.queue === undefined
    ? ''
    : ` ${preposition} queue \`${item.queue}\``;
}

const deadLetterWhy =
  'Without a dead-letter target a message that keeps failing is either retried ' +
  'forever, blocking the queue, or dropped with no trace to replay it from.';

/** Option groups that each make one dead-letter mechanism. */
const DEAD_LETTER_OPTIONS: Record<string, RegExp> = {
  deadLetterExchange: /^deadLetter(Exchange|RoutingKey)$/,
  redrive: /^redrive(\.|$)/,
};

function droppedOptions(base: QueueView, head: QueueView): FindingDraft[] {
  return Object.entries(DEAD_LETTER_OPTIONS).flatMap(([group, pattern]) => {
    const first = Object.entries(base.options)
      .filter(([key]) => pattern.test(key))
      .sort(
        ([, a], [, b]) => a.file.localeCompare(b.file) || a.line - b.line,
      )[0];
    if (!first || Object.keys(head.options).some((key) => pattern.test(key))) {
      return [];
    }
    return [
      {
        subject: { kind: 'queue', name: head.name },
        identity: head.identity,
        detail: group,
        file: first[1].file,
        line: first[1].line,
        side: 'base' as const,
        message: `Queue \`${head.name}\` (${head.family}) no longer sets ${group}.`,
        why: deadLetterWhy,
      },
    ];
  });
}

export const deadLetterRemoved: DiffRule = {
  id: 'dead-letter-removed',
  severity: 'warning',
  summary: 'A dead-letter queue, exchange or redrive policy is gone.',
  detect: (context) => {
    const headQueues = new Set(context.head.queues.map((queue) => queue.name));
    const items = ofKind(context, 'dead-letter').removed.filter(
      (item) => item.queue === undefined || headQueues.has(item.queue),
    );
    const fromItems = items.map((item) => ({
      subject: { kind: 'queue', name: item.queue ?? item.detail },
      identity: handlingIdentity(item),
      ...at(primarySite(item.sites), 'base'),
      message: `Dead-letter handling${ofQueue(item, 'of')} is removed: ${item.detail}.`,
      why: deadLetterWhy,
    }));
    const covered = new Set(items.map((item) => item.queue));
    const fromOptions = context.queues.kept
      .filter(({ head }) => !covered.has(head.name))
      .flatMap(({ base, head }) => droppedOptions(base, head));
    return [...fromItems, ...fromOptions];
  },
};

export const errorSwallowedAdded: DiffRule = {
  id: 'error-swallowed-added',
  severity: 'warning',
  summary: 'New code catches a job or message error and drops it.',
  detect: (context) =>
    ofKind(context, 'error-swallowed').added.map((item) => ({
      subject: { kind: 'failure-handling', name: item.queue ?? item.detail },
      identity: handlingIdentity(item),
      ...at(primarySite(item.sites), 'head'),
      message: `An error is swallowed${ofQueue(item, 'in')}: ${item.detail}.`,
      why:
        'A job whose error is caught and ignored counts as completed: it is never ' +
        'retried, never dead-lettered, and no failure metric moves.',
    })),
};
