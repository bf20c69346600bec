import type { OptionValue } from '../../model/types.js';
import type { QueueView } from '../queue-view.js';
import { isRedisBacked, primarySite } from '../queue-view.js';
import { changedOptions } from './queue-option-rules.js';
import type { DiffRule } from './types.js';
import { at } from './types.js';

/** Each retention setting with the names libraries give it (Bee-Queue's own). */
const RETENTION: Record<string, RegExp> = {
  removeOnComplete: /(^|\.)(removeOnComplete|removeOnSuccess)$/,
  removeOnFail: /(^|\.)(removeOnFail|removeOnFailure)$/,
};

function keeps(option: OptionValue): boolean {
  return option.value !== false;
}

/** Retention settings the queue never states, on the queue or on any job. */
export function missingRetention(view: QueueView): string[] {
  const options = Object.entries(view.options);
  return Object.entries(RETENTION)
    .filter(
      ([, pattern]) =>
        !options.some(([key, value]) => pattern.test(key) && keeps(value)),
    )
    .map(([name]) => name);
}

export const jobRetentionMissing: DiffRule = {
  id: 'job-retention-missing',
  severity: 'warning',
  summary:
    'A new or changed Redis-backed queue sets no removeOnComplete/removeOnFail.',
  detect: ({ queues }) => {
    const touched = [
      ...queues.added,
      ...queues.kept
        .filter(({ base, head }) => changedOptions(base, head).length > 0)
        .map(({ head }) => head),
    ];
    return touched.filter(isRedisBacked).flatMap((view) => {
      const missing = missingRetention(view);
      if (missing.length === 0) {
        return [];
      }
      return [
        {
          subject: { kind: 'queue', name: view.name },
          identity: view.identity,
          detail: missing.join(','),
          message: `Queue \`${view.name}\` (${view.family}) sets no ${missing.join(' or ')}.`,
          why:
            'Finished jobs are kept in Redis forever by default, so memory grows ' +
            'with every job until Redis evicts or refuses writes.',
          ...at(primarySite(view.sites), 'head'),
        },
      ];
    });
  },
};
