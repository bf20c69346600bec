import type { Expr } from '../../facts/expr.js';
import { patternOf } from '../../facts/expr.js';

/** What a resolved receiver is, when it is a queue library object. */
export interface QueueHandle {
  library: 'bullmq' | 'bull' | 'bee-queue';
  kind: 'worker' | 'queue' | 'queue-events' | 'flow-producer';
  /** Queue name, or `{expression}` when dynamic; empty for a flow producer. */
  name: string;
}

const BULLMQ_KINDS: Record<string, QueueHandle['kind']> = {
  Worker: 'worker',
  Queue: 'queue',
  QueueEvents: 'queue-events',
  FlowProducer: 'flow-producer',
};

/**
 * Reads a resolved expression as a queue library object:
 * `new Worker('email')` from bullmq, `new Queue('email')` or `Queue('email')`
 * from bull, `new Queue('email')` from bee-queue. Wrapper classes resolve to
 * the library class through the resolver before they get here.
 */
export function queueHandleOf(expr: Expr): QueueHandle | undefined {
  if (expr.k !== 'new' && expr.k !== 'call') {
    return undefined;
  }
  const callee = expr.callee;
  if (callee.k !== 'ext') {
    return undefined;
  }
  const exportName =
    callee.path.length > 0 ? callee.path.join('.') : callee.name;
  const first = expr.args[0];
  const name = first ? patternOf(first) : '';
  const module = callee.module.replace(/^@taskforcesh\//, '');
  if (module === 'bullmq' || module === 'bullmq-pro') {
    const kind = BULLMQ_KINDS[lastSegment(exportName)];
    return kind
      ? { library: 'bullmq', kind, name: kind === 'flow-producer' ? '' : name }
      : undefined;
  }
  if (module === 'bull' || module === 'bee-queue') {
    const isQueue =
      callee.name === 'default' || lastSegment(exportName) === 'Queue';
    return isQueue ? { library: module, kind: 'queue', name } : undefined;
  }
  return undefined;
}

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}
