import type { Expr } from '../../facts/expr.js';
import { patternOf, propOf } from '../../facts/expr.js';
import type { BrokerBuild } from './broker-build.js';

/**
 * The queue names an SQS call's input points at, from `key` (`QueueUrl`,
 * `QueueName`, or sqs-consumer's `queueUrl`). A URL names its queue by its
 * last path segment, so `https://sqs.../123/orders` and a `CreateQueue` of
 * `orders` meet on one row. An input known only by name (`params`) gives
 * `{params.QueueUrl}`; an object without the key gives nothing.
 */
export function sqsQueueNames(
  build: BrokerBuild,
  input: Expr,
  key: string,
  file: string,
): string[] {
  if (input.k !== 'obj') {
    return [`{${input.text}.${key}}`];
  }
  const value = propOf(input, key);
  if (!value) {
    return [];
  }
  return build.resolver.expand(value, file).map(queueNameOf);
}

function queueNameOf(expr: Expr): string {
  if (expr.k === 'lit' && typeof expr.v === 'string') {
    return /^https?:\/\//.test(expr.v)
      ? (lastSegment(expr.v) ?? expr.v)
      : expr.v;
  }
  const last = expr.k === 'tpl' ? expr.parts.at(-1) : undefined;
  if (last?.k === 'lit' && typeof last.v === 'string') {
    const segment = lastSegment(last.v);
    if (segment !== undefined) {
      return segment;
    }
  }
  return patternOf(expr);
}

/** `orders` of `.../123/orders` or `.../123/orders/`; undefined without a `/`. */
function lastSegment(text: string): string | undefined {
  const trimmed = text.replace(/(?<!\/)\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0 || slash === trimmed.length - 1) {
    return undefined;
  }
  return trimmed.slice(slash + 1);
}
