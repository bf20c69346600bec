import type { ShutdownHandler, UnclosedResource } from '../../model/types.js';
import { matchByIdentity } from '../match-by-identity.js';
import { primarySite } from '../queue-view.js';
import type { DiffRule, FindingDraft } from './types.js';
import { at } from './types.js';

/** Resources whose abrupt stop loses or repeats work: workers and consumers. */
function isWorker(resource: UnclosedResource): boolean {
  return /^(worker|consumer):/.test(resource.resource);
}

function newlyUnclosed(
  base: UnclosedResource[],
  head: UnclosedResource[],
): FindingDraft[] {
  const matched = matchByIdentity(
    base.filter(isWorker),
    head.filter(isWorker),
    (r) => r.resource,
  );
  return matched.added.map((resource) => ({
    subject: { kind: 'resource', name: resource.resource },
    identity: resource.resource,
    detail: 'unclosed',
    ...at(primarySite(resource.sites), 'head'),
    message: `\`${resource.resource}\` is not closed by any shutdown path.`,
    why:
      'On SIGTERM the process exits mid-job: the job is retried only after its lock ' +
      'expires or the message is redelivered, and side effects may run twice.',
  }));
}

function overlap(a: ShutdownHandler, b: ShutdownHandler): number {
  return a.closes.filter((resource) => b.closes.includes(resource)).length;
}

/**
 * Base handlers with no head handler of the same trigger left to pair with.
 * One service often has a SIGTERM handler per process, so handlers of one
 * trigger are paired by what they close, never by file or line.
 */
export function unpairedHandlers(
  base: readonly ShutdownHandler[],
  head: readonly ShutdownHandler[],
): ShutdownHandler[] {
  const pool = [...head];
  const unpaired: ShutdownHandler[] = [];
  const widest = [...base].sort((a, b) => b.closes.length - a.closes.length);
  for (const handler of widest) {
    const candidates = pool.filter(
      (other) => other.trigger === handler.trigger,
    );
    const best = candidates.sort(
      (a, b) => overlap(handler, b) - overlap(handler, a),
    )[0];
    if (best === undefined) {
      unpaired.push(handler);
    } else {
      pool.splice(pool.indexOf(best), 1);
    }
  }
  return unpaired;
}

function removedHandlers(
  base: ShutdownHandler[],
  head: ShutdownHandler[],
): FindingDraft[] {
  return unpairedHandlers(base, head).map((handler) => {
    const closes =
      handler.closes.length > 0 ? ` (closed ${handler.closes.join(', ')})` : '';
    return {
      subject: { kind: 'shutdown', name: handler.trigger },
      identity: `${handler.trigger}:${[...handler.closes].sort().join(',')}`,
      detail: 'handler',
      ...at(primarySite(handler.sites), 'base'),
      message: `The \`${handler.trigger}\` shutdown handler is removed${closes}.`,
      why:
        'Deploys and scale-downs send SIGTERM; without the handler workers, servers ' +
        'and connections are cut mid-work instead of draining.',
    };
  });
}

export const shutdownMissing: DiffRule = {
  id: 'shutdown-missing',
  severity: 'warning',
  summary:
    'A new worker or consumer is never closed, or a shutdown handler is removed.',
  detect: ({ base, head }) => [
    ...newlyUnclosed(base.unclosed, head.unclosed),
    ...removedHandlers(base.shutdown, head.shutdown),
  ],
};
