import type { Expr } from '../../facts/expr.js';
import { patternOf } from '../../facts/expr.js';

/**
 * The queue an SQS queue URL points at, named as the brokers analyzer names
 * it: the URL's last path segment (`.../123/orders` is `orders`), so a
 * consumer and its queue row meet. Anything else keeps its pattern.
 */
export function sqsQueueName(url: Expr): string {
  const last = url.k === 'tpl' ? url.parts.at(-1) : url;
  const text =
    last?.k === 'lit' && typeof last.v === 'string' ? last.v : undefined;
  const segment = text
    ?.replace(/(?<!\/)\/+$/, '')
    .split('/')
    .at(-1);
  const isUrl = url.k === 'tpl' || /^https?:\/\//.test(text ?? '');
  return isUrl && segment && text?.includes('/') ? segment : patternOf(url);
}
