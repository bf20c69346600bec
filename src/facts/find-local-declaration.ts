import { Node } from 'ts-morph';
import type { ForOfStatement, VariableDeclaration } from 'ts-morph';

/** What a name declared inside a function or block stands for. */
export type LocalDeclaration =
  | { kind: 'value'; initializer: Node }
  | { kind: 'param'; index: number; owner?: string; fn?: string }
  | { kind: 'each'; iterable: Node }
  | { kind: 'opaque' };

/**
 * Finds the declaration of `identifier` in the scopes between it and the top
 * of the file, without the type checker. Returns undefined for names declared
 * at the top level or not at all: those are resolved across files later.
 */
export function findLocalDeclaration(
  identifier: Node,
): LocalDeclaration | undefined {
  const name = identifier.getText();
  let scope: Node | undefined = identifier.getParent();
  while (scope && !Node.isSourceFile(scope)) {
    const found = declarationIn(scope, name, identifier);
    if (found) {
      return found;
    }
    scope = scope.getParent();
  }
  return undefined;
}

function declarationIn(
  scope: Node,
  name: string,
  use: Node,
): LocalDeclaration | undefined {
  if (
    Node.isBlock(scope) ||
    Node.isCaseClause(scope) ||
    Node.isModuleBlock(scope)
  ) {
    return inStatements(scope.getStatements(), name, use);
  }
  if (Node.isForOfStatement(scope)) {
    return forOfBinding(scope, name);
  }
  if (
    Node.isFunctionDeclaration(scope) ||
    Node.isFunctionExpression(scope) ||
    Node.isArrowFunction(scope) ||
    Node.isMethodDeclaration(scope) ||
    Node.isConstructorDeclaration(scope)
  ) {
    return parameterOf(scope, name);
  }
  return undefined;
}

function inStatements(
  statements: Node[],
  name: string,
  use: Node,
): LocalDeclaration | undefined {
  for (const statement of statements) {
    if (Node.isVariableStatement(statement)) {
      for (const decl of statement.getDeclarations()) {
        const found = fromVariable(decl, name, use);
        if (found) {
          return found;
        }
      }
    } else if (
      (Node.isFunctionDeclaration(statement) ||
        Node.isClassDeclaration(statement)) &&
      statement.getName() === name
    ) {
      return { kind: 'opaque' };
    }
  }
  return undefined;
}

function fromVariable(
  decl: VariableDeclaration,
  name: string,
  use: Node,
): LocalDeclaration | undefined {
  const nameNode = decl.getNameNode();
  if (Node.isIdentifier(nameNode)) {
    if (nameNode.getText() !== name) {
      return undefined;
    }
    const init = decl.getInitializer();
    // A name used inside its own initializer, or a `let` without one, is opaque.
    if (!init || init.containsRange(use.getPos(), use.getEnd())) {
      return { kind: 'opaque' };
    }
    return { kind: 'value', initializer: init };
  }
  const bound = nameNode
    .getDescendants()
    .some((d) => Node.isIdentifier(d) && d.getText() === name);
  return bound ? { kind: 'opaque' } : undefined;
}

function forOfBinding(
  loop: ForOfStatement,
  name: string,
): LocalDeclaration | undefined {
  const init = loop.getInitializer();
  if (!Node.isVariableDeclarationList(init)) {
    return undefined;
  }
  for (const decl of init.getDeclarations()) {
    const nameNode = decl.getNameNode();
    if (Node.isIdentifier(nameNode) && nameNode.getText() === name) {
      return { kind: 'each', iterable: loop.getExpression() };
    }
    if (Node.isArrayBindingPattern(nameNode)) {
      // for (const [key, value] of Object.entries(X)): value is each value.
      const elements = nameNode.getElements();
      const second = elements[1];
      if (
        second &&
        Node.isBindingElement(second) &&
        second.getName() === name
      ) {
        return { kind: 'each', iterable: loop.getExpression() };
      }
    }
  }
  return undefined;
}

/**
 * A parameter. The callback of `X.forEach(q => ...)` or `X.map(q => ...)`
 * iterates X, so its first parameter stands for each element.
 */
function parameterOf(fn: Node, name: string): LocalDeclaration | undefined {
  if (!Node.isFunctionLikeDeclaration(fn) && !Node.isArrowFunction(fn)) {
    return undefined;
  }
  const params = fn.getParameters();
  const index = params.findIndex((param) => param.getName() === name);
  if (index < 0) {
    // Only the binding pattern declares names: a decorator or a type on the
    // parameter (`@InjectQueue(Q.Email) q: Queue`) merely uses them.
    const destructured = params.some((param) =>
      param
        .getNameNode()
        .getDescendants()
        .some((d) => Node.isIdentifier(d) && d.getText() === name),
    );
    return destructured ? { kind: 'opaque' } : undefined;
  }
  const iterable = iteratedBy(fn);
  if (iterable && index === 0) {
    return { kind: 'each', iterable };
  }
  const parent = fn.getParent();
  const owner =
    Node.isConstructorDeclaration(fn) &&
    parent &&
    Node.isClassDeclaration(parent)
      ? parent.getName()
      : undefined;
  return { kind: 'param', index, owner, fn: topLevelName(fn) };
}

/**
 * The top-level name a function is bound to (`function make()` or
 * `const make = () => ...`), so its call sites can supply its parameters.
 */
function topLevelName(fn: Node): string | undefined {
  if (Node.isFunctionDeclaration(fn)) {
    return Node.isSourceFile(fn.getParent()) ? fn.getName() : undefined;
  }
  const decl = fn.getParent();
  if (!decl || !Node.isVariableDeclaration(decl)) {
    return undefined;
  }
  const statement = decl.getVariableStatement();
  return statement && Node.isSourceFile(statement.getParent())
    ? decl.getName()
    : undefined;
}

const ITERATING_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter']);

function iteratedBy(fn: Node): Node | undefined {
  const call = fn.getParent();
  if (!call || !Node.isCallExpression(call)) {
    return undefined;
  }
  const callee = call.getExpression();
  if (
    Node.isPropertyAccessExpression(callee) &&
    ITERATING_METHODS.has(callee.getName())
  ) {
    return callee.getExpression();
  }
  return undefined;
}
