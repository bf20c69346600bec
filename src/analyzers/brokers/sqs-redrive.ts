import type { Expr } from '../../facts/expr.js';
import { propOf } from '../../facts/expr.js';
import type { FailureHandling, OptionValue, Site } from '../../model/types.js';
import { optionValue } from '../shared/option-value.js';
import { shown } from './amqp-dead-letter.js';

/**
 * The options a `RedrivePolicy` attribute states: `redrive.maxReceiveCount`
 * and `redrive.deadLetterTarget`. It is a JSON string, written either as
 * `JSON.stringify({ ... })` (read from the object) or as a string literal
 * (parsed). Undefined when the policy is computed some other way.
 */
export function redriveOptions(
  policy: Expr,
  file: string,
): Record<string, OptionValue> | undefined {
  const object = policyObject(policy);
  if (object) {
    return fromObject(object, file);
  }
  if (policy.k === 'lit' && typeof policy.v === 'string') {
    return fromJson(policy, policy.v, file);
  }
  return undefined;
}

function policyObject(policy: Expr): Expr | undefined {
  if (policy.k === 'obj') {
    return policy;
  }
  const [arg] = policy.k === 'call' ? policy.args : [];
  const isStringify =
    policy.k === 'call' && policy.callee.text === 'JSON.stringify';
  return isStringify && arg?.k === 'obj' ? arg : undefined;
}

function fromObject(object: Expr, file: string): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  const count = propOf(object, 'maxReceiveCount');
  const target = propOf(object, 'deadLetterTargetArn');
  if (count) {
    out['redrive.maxReceiveCount'] = optionValue(count, file);
  }
  if (target) {
    out['redrive.deadLetterTarget'] = optionValue(target, file);
  }
  return out;
}

function fromJson(
  policy: Expr,
  json: string,
  file: string,
): Record<string, OptionValue> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return undefined;
  }
  const source = policy.via ? 'constant' : 'literal';
  const at = {
    source,
    text: policy.text,
    file: policy.file ?? file,
    line: policy.line,
  } as const;
  const out: Record<string, OptionValue> = {};
  for (const [key, name] of [
    ['maxReceiveCount', 'redrive.maxReceiveCount'],
    ['deadLetterTargetArn', 'redrive.deadLetterTarget'],
  ] as const) {
    const value: unknown = (parsed as Record<string, unknown>)[key];
    if (typeof value === 'string' || typeof value === 'number') {
      out[name] = { ...at, value };
    }
  }
  return out;
}

/** The dead-letter item of a queue whose redrive policy names a target. */
export function redriveFailure(
  queue: string,
  options: Record<string, OptionValue>,
  at: Site,
): FailureHandling | undefined {
  const target = options['redrive.deadLetterTarget'];
  if (!target) {
    return undefined;
  }
  const count = options['redrive.maxReceiveCount'];
  const after = count
    ? `after ${shown(count)} receives`
    : 'once its receive limit is reached';
  return {
    kind: 'dead-letter',
    queue,
    detail: `${after}, a message moves to the dead-letter queue ${shown(target)}`,
    sites: [at],
  };
}
