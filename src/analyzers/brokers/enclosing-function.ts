import { Node } from 'ts-morph';

/** The nearest function-like node around `node`, if any. */
export function enclosingFunction(node: Node): Node | undefined {
  return node.getFirstAncestor(
    (a) =>
      Node.isFunctionDeclaration(a) ||
      Node.isFunctionExpression(a) ||
      Node.isArrowFunction(a) ||
      Node.isMethodDeclaration(a) ||
      Node.isConstructorDeclaration(a),
  );
}

/**
 * The name a function is known by: its own, the variable or property it is
 * assigned to, or the method's.
 */
export function functionName(fn: Node): string | undefined {
  if (Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn)) {
    return fn.getName();
  }
  const parent = fn.getParent();
  if (
    parent &&
    (Node.isVariableDeclaration(parent) || Node.isPropertyAssignment(parent))
  ) {
    return parent.getName();
  }
  if (parent && Node.isPropertyDeclaration(parent)) {
    return parent.getName();
  }
  return undefined;
}
