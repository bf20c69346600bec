import type { Resolver } from '../../facts/resolver.js';
import type { FailureHandling, Site } from '../../model/types.js';
import { site } from '../shared/site.js';
import { looksLikeDeadLetterQueue, queueTargetOf } from './queue-target.js';
import type { RawEffects } from './types.js';

/**
 * Dead-letter and monitoring items for what a failure path does: a job
 * added to another queue, an error sent to a tracker. `from` is the site of
 * the listener or catch clause; `queue` the queue that failed.
 */
export function effectItems(
  effects: RawEffects,
  file: string,
  resolver: Resolver,
  from: Site,
  queue: string | undefined,
): FailureHandling[] {
  const items: FailureHandling[] = [];
  for (const move of effects.moves) {
    const target = resolver.resolve(move.target, file);
    const handle = queueTargetOf(target);
    const name =
      handle?.name ??
      (target.k === 'lit'
        ? String(target.v)
        : move.target.text.replace(/^this\./, ''));
    const isDeadLetter = handle
      ? handle.name !== queue
      : looksLikeDeadLetterQueue(name);
    if (isDeadLetter) {
      items.push({
        kind: 'dead-letter',
        ...(queue === undefined ? {} : { queue }),
        detail: `failed jobs are moved to ${name}`,
        sites: [from, site(file, move.line, 'dead-letter')],
      });
    }
  }
  for (const report of effects.reports) {
    items.push({
      kind: 'monitoring',
      ...(queue === undefined ? {} : { queue }),
      detail: `failures${queue === undefined ? '' : ` of ${queue}`} are reported to ${report.tool}`,
      sites: [from, site(file, report.line, 'monitoring')],
    });
  }
  return items;
}
