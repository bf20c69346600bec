import { ts } from 'ts-morph';
import type { CallExpression, NewExpression, Node } from 'ts-morph';
import { wrapCompilerNode } from '../../facts/wrap-compiler-node.js';

/**
 * `a.b.method(...)` gives `{ receiver: a.b node, method: 'method' }`. Every
 * analyzer asks this of every call, and most look no further than the
 * method's name: the receiver is wrapped for ts-morph only when read.
 */
export function methodCall(
  call: CallExpression,
): { readonly receiver: Node; method: string } | undefined {
  const callee = call.compilerNode.expression;
  if (!ts.isPropertyAccessExpression(callee)) {
    return undefined;
  }
  const sourceFile = call.getSourceFile();
  return {
    method: callee.name.getText(sourceFile.compilerNode),
    get receiver(): Node {
      return wrapCompilerNode(sourceFile, callee.expression);
    },
  };
}

/** The plain name called or constructed: `Queue` for `new Queue()` or `new bullmq.Queue()`. */
export function calleeName(
  call: CallExpression | NewExpression,
): string | undefined {
  const callee = call.compilerNode.expression;
  if (ts.isIdentifier(callee)) {
    return callee.getText(call.getSourceFile().compilerNode);
  }
  if (ts.isPropertyAccessExpression(callee)) {
    return callee.name.getText(call.getSourceFile().compilerNode);
  }
  return undefined;
}

/** The root identifier of `a.b.c`, for library identity through imports. */
export function rootIdentifier(node: Node): string | undefined {
  let current: ts.Node = node.compilerNode;
  while (
    ts.isPropertyAccessExpression(current) ||
    ts.isCallExpression(current)
  ) {
    current = current.expression;
  }
  return ts.isIdentifier(current)
    ? current.getText(node.getSourceFile().compilerNode)
    : undefined;
}
