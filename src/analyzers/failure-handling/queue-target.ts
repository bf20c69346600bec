import type { Expr } from '../../facts/expr.js';
import { patternOf, propOf, stringOf } from '../../facts/expr.js';
import { queueHandleOf } from '../shared/queue-handle.js';
import { hasWord } from '../shared/name-words.js';

/** A resolved queue object: what it is and the queue it belongs to. */
export interface QueueTarget {
  /** worker, queue, queue events, processor, ... as a reader says it. */
  owner: string;
  name: string;
  library: string;
}

const OWNER_WORDS: Record<string, string> = {
  worker: 'worker',
  queue: 'queue',
  'queue-events': 'queue events',
  'flow-producer': 'flow producer',
};
const DEAD_WORDS = new Set(['dlq', 'dead', 'parking', 'poison']);
const FAILED_WORDS = new Set([
  'failed',
  'failure',
  'failures',
  'error',
  'errors',
]);
const QUEUE_WORDS = new Set(['queue', 'q']);

/** A queue library object, or a queue injected with `@InjectQueue('name')`. */
export function queueTargetOf(expr: Expr): QueueTarget | undefined {
  const handle = queueHandleOf(expr);
  if (handle) {
    return {
      owner: OWNER_WORDS[handle.kind] ?? handle.kind,
      name: handle.name,
      library: handle.library,
    };
  }
  if (
    expr.k === 'call' &&
    expr.callee.k === 'ext' &&
    expr.callee.name === 'InjectQueue'
  ) {
    const library = expr.callee.module === '@nestjs/bull' ? 'bull' : 'bullmq';
    const first = expr.args[0];
    return {
      owner: 'queue',
      name: first ? queueNameOf(first) : 'default',
      library,
    };
  }
  return undefined;
}

/** A queue name argument: a string, `{ name }` of `@Processor`, or the text in braces. */
export function queueNameOf(expr: Expr): string {
  const name = expr.k === 'obj' ? propOf(expr, 'name') : expr;
  return stringOf(name) ?? patternOf(name ?? expr);
}

/** An unresolved queue whose name says it holds failed jobs: `dlq`, `failedJobsQueue`. */
export function looksLikeDeadLetterQueue(text: string): boolean {
  const words = text.replace(/^this\./, '');
  return (
    hasWord(words, DEAD_WORDS) ||
    (hasWord(words, FAILED_WORDS) && hasWord(words, QUEUE_WORDS))
  );
}
