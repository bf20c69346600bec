import { Node } from 'ts-morph';
import type { CallExpression, NewExpression } from 'ts-morph';

/** `a.b.method(...)` gives `{ receiver: a.b node, method: 'method' }`. */
export function methodCall(
  call: CallExpression,
): { receiver: Node; method: string } | undefined {
  const callee = call.getExpression();
  if (Node.isPropertyAccessExpression(callee)) {
    return { receiver: callee.getExpression(), method: callee.getName() };
  }
  return undefined;
}

/** The plain name called or constructed: `Queue` for `new Queue()` or `new bullmq.Queue()`. */
export function calleeName(
  call: CallExpression | NewExpression,
): string | undefined {
  const callee = call.getExpression();
  if (Node.isIdentifier(callee)) {
    return callee.getText();
  }
  if (Node.isPropertyAccessExpression(callee)) {
    return callee.getName();
  }
  return undefined;
}

/** The root identifier of `a.b.c`, for library identity through imports. */
export function rootIdentifier(node: Node): string | undefined {
  let current: Node = node;
  while (
    Node.isPropertyAccessExpression(current) ||
    Node.isCallExpression(current)
  ) {
    current = current.getExpression();
  }
  return Node.isIdentifier(current) ? current.getText() : undefined;
}
