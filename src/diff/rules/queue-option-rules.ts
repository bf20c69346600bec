import type { OptionValue } from '../../model/types.js';
import { displayOption, optionChanged } from '../option-text.js';
import type { QueueView } from '../queue-view.js';
import type { Severity } from '../types.js';
import type { DiffContext, DiffRule, FindingDraft } from './types.js';

/** One option key whose meaning differs between base and head. */
interface OptionChange {
  key: string;
  before?: OptionValue;
  after?: OptionValue;
}

/** Keys of `options` present on either side whose value differs. */
export function changedOptions(
  base: QueueView,
  head: QueueView,
): OptionChange[] {
  const keys = new Set([
    ...Object.keys(base.options),
    ...Object.keys(head.options),
  ]);
  return [...keys]
    .sort()
    .filter((key) => optionChanged(base.options[key], head.options[key]))
    .map((key) => ({
      key,
      before: base.options[key],
      after: head.options[key],
    }));
}

function describe(view: QueueView, change: OptionChange): string {
  const before = displayOption(change.before);
  const after = displayOption(change.after);
  const name = `Queue \`${view.name}\` (${view.family})`;
  if (change.before === undefined) {
    return `${name}: ${change.key} set to ${after} (was unset).`;
  }
  if (change.after === undefined) {
    return `${name}: ${change.key} ${before} removed (library default applies).`;
  }
  return `${name}: ${change.key} ${before} → ${after}.`;
}

function toDraft(
  view: QueueView,
  change: OptionChange,
  why: string,
): FindingDraft {
  const where = change.after ?? change.before;
  return {
    subject: { kind: 'queue', name: view.name },
    identity: view.identity,
    detail: change.key,
    message: describe(view, change),
    why,
    file: where?.file ?? '',
    line: where?.line ?? 0,
    side: change.after ? 'head' : 'base',
    before: change.before ? displayOption(change.before) : undefined,
    after: change.after ? displayOption(change.after) : undefined,
  };
}

/** A rule reporting changes to the option keys that `keys` accepts, on kept queues. */
function optionRule(
  id: string,
  severity: Severity,
  summary: string,
  keys: RegExp,
  why: string,
): DiffRule {
  return {
    id,
    severity,
    summary,
    detect: ({ queues }: DiffContext) =>
      queues.kept.flatMap(({ base, head }) =>
        changedOptions(base, head)
          .filter((change) => keys.test(change.key))
          .map((change) => toDraft(head, change, why)),
      ),
  };
}

// Job-level keys (`job.welcome.attempts`) end the same way as queue-level ones.
export const retryChanged = optionRule(
  'retry-changed',
  'warning',
  'Attempts or backoff of a queue or one of its jobs changed.',
  /(^|\.)(attempts|backoff|backoff\.type|backoff\.delay)$/,
  'Retries decide whether a failed job is lost or retried, and how hard a ' +
    'failing downstream is hit while it recovers.',
);

export const concurrencyChanged = optionRule(
  'concurrency-changed',
  'info',
  'Worker concurrency or consumer prefetch changed.',
  /(^|\.)(concurrency|prefetch)$/,
  'Concurrency times replicas is the load put on the database, APIs and Redis ' +
    'behind the workers; it also sets how fast a backlog drains.',
);

export const limiterChanged = optionRule(
  'limiter-changed',
  'info',
  'The rate limiter of a queue changed.',
  /(^|\.)limiter(\.|$)/,
  'The limiter caps throughput across all workers; changing it moves the load ' +
    'on rate-limited downstreams and how fast a backlog drains.',
);

export const stallSettingsChanged = optionRule(
  'stall-settings-changed',
  'warning',
  'lockDuration, stalledInterval or maxStalledCount changed.',
  /(^|\.)(lockDuration|stalledInterval|maxStalledCount)$/,
  'A lock shorter than the longest job makes running jobs look stalled, so they ' +
    'run twice; a longer one delays recovery of jobs whose worker died.',
);
