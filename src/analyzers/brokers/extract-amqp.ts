import { lineOf } from '../../facts/line-of.js';
import { Node } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import type { Expr } from '../../facts/expr.js';
import { dyn } from '../../facts/expr.js';
import { shortText, toExpr } from '../../facts/to-expr.js';
import { methodCall } from '../shared/call-shape.js';
import { enclosingFunction, functionName } from './enclosing-function.js';
import type { AmqpItem, AmqpMethod } from './types.js';

/**
 * Fewest arguments each method takes in amqplib. Fewer means another API
 * with the same method name (a Redis `publish(channel, message)` has two).
 */
const MIN_ARGS: Record<AmqpMethod, number> = {
  assertQueue: 1,
  assertExchange: 2,
  bindQueue: 2,
  sendToQueue: 2,
  publish: 3,
  consume: 2,
  prefetch: 1,
  nack: 1,
  reject: 1,
};

/** Methods whose first argument names a queue. */
const QUEUE_FIRST = new Set<AmqpMethod>([
  'assertQueue',
  'bindQueue',
  'sendToQueue',
  'consume',
]);

/**
 * Channel calls shaped like amqplib's. The method names alone do not prove
 * the library: `build` keeps only files that import amqplib, directly or
 * through a local module.
 */
export function extractAmqp(calls: CallExpression[]): AmqpItem[] {
  const items: AmqpItem[] = [];
  for (const call of calls) {
    const item = amqpItem(call);
    if (item) {
      items.push(item);
    }
  }
  return items;
}

function amqpItem(call: CallExpression): AmqpItem | undefined {
  const shape = methodCall(call);
  if (!shape || !isAmqpMethod(shape.method)) {
    return undefined;
  }
  const method = shape.method;
  const args = call.getArguments();
  if (args.length < MIN_ARGS[method]) {
    return undefined;
  }

  const converted = args.map((arg, i) =>
    i === 0 && QUEUE_FIRST.has(method) ? queueExpr(arg) : toExpr(arg),
  );
  if (method === 'assertQueue') {
    converted[0] =
      serverNamed(call, converted[0]) ?? converted[0] ?? dyn('', 0);
  }
  const scope = enclosingFunction(call);
  const item: AmqpItem = {
    kind: 'amqp',
    method,
    channel: shortText(shape.receiver),
    scope: scope ? lineOf(scope) : 0,
    args: converted,
    text: shortText(call),
    line: lineOf(call),
  };
  return withHandler(item, call, args);
}

function isAmqpMethod(name: string): name is AmqpMethod {
  return name in MIN_ARGS;
}

/**
 * A queue argument. `q.queue`, where `q` holds the result of
 * `assertQueue('orders')`, names the queue `orders`.
 */
function queueExpr(node: Node): Expr {
  const expr = toExpr(node);
  if (
    expr.k !== 'member' ||
    expr.path.join('.') !== 'queue' ||
    expr.of.k !== 'call'
  ) {
    return expr;
  }
  const callee = expr.of.callee.text;
  const name = expr.of.args[0];
  if (!callee.endsWith('.assertQueue') || !name || isEmptyString(name)) {
    return expr;
  }
  return {
    ...name,
    text: expr.text,
    line: expr.line,
    via: name.via ?? expr.text,
  };
}

function isEmptyString(expr: Expr): boolean {
  return expr.k === 'lit' && expr.v === '';
}

/**
 * `const q = await ch.assertQueue('')` lets the broker name the queue; the
 * code then calls it `q.queue` (or `queue` when destructured), so the
 * definition takes that text and meets its bindings and consumers.
 */
function serverNamed(
  call: CallExpression,
  name: Expr | undefined,
): Expr | undefined {
  if (name && !isEmptyString(name)) {
    return undefined;
  }
  let node: Node = call;
  let parent = node.getParent();
  while (parent && Node.isAwaitExpression(parent)) {
    node = parent;
    parent = parent.getParent();
  }
  if (!parent || !Node.isVariableDeclaration(parent)) {
    return undefined;
  }
  const binding = parent.getNameNode();
  const line = lineOf(call);
  if (Node.isIdentifier(binding)) {
    return dyn(`${binding.getText()}.queue`, line);
  }
  const element = Node.isObjectBindingPattern(binding)
    ? binding
        .getElements()
        .find(
          (e) =>
            (e.getPropertyNameNode()?.getText() ?? e.getName()) === 'queue',
        )
    : undefined;
  return element ? dyn(element.getName(), line) : undefined;
}

/** Links consumers to their handlers, and nack/reject to their consumer. */
function withHandler(
  item: AmqpItem,
  call: CallExpression,
  args: Node[],
): AmqpItem {
  if (item.method === 'consume') {
    const handler = handlerName(args[1]);
    return handler ? { ...item, handler } : item;
  }
  if (item.method !== 'nack' && item.method !== 'reject') {
    return item;
  }
  const named = namedFunctionAround(call);
  const consume = inlineConsume(call);
  return {
    ...item,
    ...(named ? { handler: named } : {}),
    ...(consume ? { consumedQueue: consume } : {}),
  };
}

/** `handle`, `this.handle` or `this.handle.bind(this)`. */
function handlerName(node: Node | undefined): string | undefined {
  let current = node;
  if (
    current &&
    Node.isCallExpression(current) &&
    methodCall(current)?.method === 'bind'
  ) {
    current = methodCall(current)?.receiver;
  }
  if (current && Node.isIdentifier(current)) {
    return current.getText();
  }
  return current && Node.isPropertyAccessExpression(current)
    ? current.getName()
    : undefined;
}

function namedFunctionAround(node: Node): string | undefined {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const name = functionName(fn);
    if (name) {
      return name;
    }
  }
  return undefined;
}

/** The queue of the `consume(queue, handler)` whose handler holds `node`. */
function inlineConsume(node: Node): Expr | undefined {
  for (let current = node.getParent(); current; current = current.getParent()) {
    if (
      !Node.isCallExpression(current) ||
      methodCall(current)?.method !== 'consume'
    ) {
      continue;
    }
    const [queue, handler] = current.getArguments();
    if (
      queue &&
      handler &&
      handler.containsRange(node.getPos(), node.getEnd())
    ) {
      return queueExpr(queue);
    }
  }
  return undefined;
}
