import { ts } from 'ts-morph';
import type { KindToNodeMappings, Node, SyntaxKind } from 'ts-morph';
import { wrapCompilerNode } from './wrap-compiler-node.js';

/**
 * Calls `visit` on every descendant of `root` in source order (pre-order),
 * until it returns true. An explicit stack: a chain thousands of calls
 * deep must not overflow the call stack.
 */
export function walkDescendants(
  root: ts.Node,
  visit: (node: ts.Node) => boolean | void,
): void {
  const stack: ts.Node[] = [];
  const children: ts.Node[] = [];
  const collect = (child: ts.Node): void => {
    children.push(child);
  };
  const pushChildren = (node: ts.Node): void => {
    ts.forEachChild(node, collect);
    while (children.length > 0) {
      stack.push(children.pop() as ts.Node);
    }
  };
  pushChildren(root);
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    if (visit(node) === true) {
      return;
    }
    pushChildren(node);
  }
}

/** The first descendant, in source order, that passes `test`. */
export function firstDescendant<T extends ts.Node>(
  root: ts.Node,
  test: (node: ts.Node) => node is T,
): T | undefined {
  let found: T | undefined;
  walkDescendants(root, (node) => {
    if (test(node)) {
      found = node;
      return true;
    }
    return false;
  });
  return found;
}

/**
 * `node.getDescendantsOfKind(kind)`, in the same order, from a walk of the
 * compiler's tree that wraps only the matches. ts-morph's own walk lists
 * every child through generators, which made these lookups a fifth of
 * extraction. Syntax nodes only, as ts-morph itself walks them: JSDoc is
 * not searched.
 */
export function descendantsOfKind<K extends SyntaxKind>(
  node: Node,
  kind: K,
): KindToNodeMappings[K][] {
  const sourceFile = node.getSourceFile();
  const found: KindToNodeMappings[K][] = [];
  walkDescendants(node.compilerNode, (child) => {
    if (child.kind === kind) {
      found.push(wrapCompilerNode(sourceFile, child) as KindToNodeMappings[K]);
    }
  });
  return found;
}
