import { lineOf } from '../../facts/line-of.js';
import { Node } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import { toExpr } from '../../facts/to-expr.js';
import type { ParsedFile } from '../types.js';
import { argExprs } from './arg-exprs.js';
import type { ChainLink, MethodItem } from './types.js';

/** Methods of a queue or flow producer that state a producer or consumer. */
const QUEUE_METHODS = new Set([
  'add',
  'addBulk',
  'process',
  'createJob',
  'upsertJobScheduler',
]);

/** Receivers that can never be a queue object: literals, functions, arithmetic. */
const NOT_A_QUEUE = new Set([
  'lit',
  'tpl',
  'arr',
  'obj',
  'fn',
  'bin',
  'dyn',
  'param',
]);

/**
 * `receiver.add(...)` and friends. `add` is a common name (sets, carts), so
 * only the receiver is kept here; the build keeps the calls whose receiver
 * resolves to a queue.
 */
export function extractMethodCalls(file: ParsedFile): MethodItem[] {
  const items: MethodItem[] = [];
  for (const call of file.calls) {
    const callee = call.getExpression();
    if (
      !Node.isPropertyAccessExpression(callee) ||
      !QUEUE_METHODS.has(callee.getName())
    ) {
      continue;
    }
    const receiver = toExpr(callee.getExpression());
    if (NOT_A_QUEUE.has(receiver.k)) {
      continue;
    }
    const method = callee.getName();
    items.push({
      kind: 'method',
      method,
      receiver,
      args: argExprs(call.getArguments()),
      chain: method === 'createJob' ? chainAfter(call) : [],
      line: lineOf(callee.getNameNode()),
    });
  }
  return items;
}

/** `.retries(3).backoff('fixed', 1000).save()` after `createJob(data)`. */
function chainAfter(call: CallExpression): ChainLink[] {
  const links: ChainLink[] = [];
  let current: Node = call;
  for (;;) {
    const access = current.getParent();
    const next = access?.getParent();
    if (
      !access ||
      !Node.isPropertyAccessExpression(access) ||
      access.getExpression() !== current ||
      !next ||
      !Node.isCallExpression(next) ||
      next.getExpression() !== access
    ) {
      return links;
    }
    links.push({
      method: access.getName(),
      args: argExprs(next.getArguments()),
      line: lineOf(access.getNameNode()),
    });
    current = next;
  }
}
