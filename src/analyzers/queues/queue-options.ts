import type { Expr } from '../../facts/expr.js';
import { propOf } from '../../facts/expr.js';
import type { OptionValue } from '../../model/types.js';
import { flattenOptions, optionValue } from '../shared/option-value.js';

/**
 * Written option paths and their canonical keys (see `Queue.options`).
 * `removeOnComplete` and `removeOnFail` are listed so an object value such
 * as `{ count: 1000 }` stays whole instead of being split into leaves.
 */
const CANONICAL: Record<string, string> = {
  removeOnComplete: 'removeOnComplete',
  removeOnFail: 'removeOnFail',
  removeOnSuccess: 'removeOnComplete',
  removeOnFailure: 'removeOnFail',
  stallInterval: 'stalledInterval',
  'settings.lockDuration': 'lockDuration',
  'settings.stalledInterval': 'stalledInterval',
  'settings.maxStalledCount': 'maxStalledCount',
  'repeat.cron': 'repeat.pattern',
};

/** Connection credentials are never copied into a report. */
const SECRET = /password|secret|token/i;

/**
 * Options of a queue, worker or module registration as canonical keys.
 * `defaultJobOptions` apply to every job, so their keys are recorded plain
 * (`attempts`), next to the queue's own settings.
 */
export function queueOptions(
  options: Expr | undefined,
  file: string,
): Record<string, OptionValue> {
  if (options?.k !== 'obj') {
    return options ? { '...': optionValue(options, file) } : {};
  }
  const defaults = propOf(options, 'defaultJobOptions');
  const own = {
    ...options,
    props: options.props.filter(([name]) => name !== 'defaultJobOptions'),
  };
  const out: Record<string, OptionValue> = {};
  if (defaults && defaults.k !== 'obj') {
    out.defaultJobOptions = optionValue(defaults, file);
  }
  return { ...out, ...jobOptions(defaults, file), ...canonical(own, file) };
}

/** Options of one job (`add(name, data, opts)`) as canonical keys. */
export function jobOptions(
  options: Expr | undefined,
  file: string,
): Record<string, OptionValue> {
  return options ? canonical(options, file) : {};
}

function canonical(options: Expr, file: string): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  for (const [key, value] of Object.entries(
    flattenOptions(options, file, CANONICAL),
  )) {
    if (SECRET.test(key)) {
      continue;
    }
    // `backoff: 1000` is a delay; its type is only recorded when written.
    const isDelay = key === 'backoff' && typeof value.value === 'number';
    out[isDelay ? 'backoff.delay' : key] = value;
  }
  return out;
}

/** Drops the given top-level properties from an options object. */
export function withoutProps(
  options: Expr | undefined,
  names: string[],
): Expr | undefined {
  if (options?.k !== 'obj') {
    return options;
  }
  return {
    ...options,
    props: options.props.filter(([name]) => !names.includes(name)),
  };
}
