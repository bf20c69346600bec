import { Node, SyntaxKind } from 'ts-morph';
import type {
  ArrowFunction,
  CallExpression,
  FunctionDeclaration,
  FunctionExpression,
  MethodDeclaration,
} from 'ts-morph';
import { descendantsOfKind } from '../../facts/descendants.js';

/** A function whose body can be read: what callbacks and handlers point to. */
export type LocalFunction =
  ArrowFunction | FunctionExpression | FunctionDeclaration | MethodDeclaration;

/**
 * The function a callback argument stands for, when this file declares it:
 * an inline function, a named function or `const f = () => ...` in scope,
 * `this.method` (also `.bind(this)`) in the enclosing class. Functions
 * imported from other files are not followed here; see the build steps.
 */
export function localFunction(
  node: Node | undefined,
): LocalFunction | undefined {
  if (!node) {
    return undefined;
  }
  if (Node.isArrowFunction(node) || Node.isFunctionExpression(node)) {
    return node;
  }
  if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node)) {
    return localFunction(node.getExpression());
  }
  if (Node.isCallExpression(node)) {
    return boundFunction(node);
  }
  if (Node.isIdentifier(node)) {
    return namedFunction(node, node.getText());
  }
  if (
    Node.isPropertyAccessExpression(node) &&
    Node.isThisExpression(node.getExpression())
  ) {
    return classMethod(node, node.getName());
  }
  return undefined;
}

/** `handler.bind(this)` stands for `handler`. */
function boundFunction(call: CallExpression): LocalFunction | undefined {
  const callee = call.getExpression();
  if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'bind') {
    return localFunction(callee.getExpression());
  }
  return undefined;
}

/** A function declared under `name` in a scope enclosing `use`. */
export function namedFunction(
  use: Node,
  name: string,
): LocalFunction | undefined {
  let scope: Node | undefined = use.getParent();
  while (scope) {
    if (
      Node.isBlock(scope) ||
      Node.isSourceFile(scope) ||
      Node.isModuleBlock(scope)
    ) {
      const found = functionIn(scope.getStatements(), name);
      if (found) {
        return found;
      }
    }
    scope = scope.getParent();
  }
  return undefined;
}

function functionIn(
  statements: Node[],
  name: string,
): LocalFunction | undefined {
  for (const statement of statements) {
    if (Node.isFunctionDeclaration(statement) && statement.getName() === name) {
      return statement;
    }
    if (!Node.isVariableStatement(statement)) {
      continue;
    }
    for (const decl of statement.getDeclarations()) {
      const init = decl.getInitializer();
      if (decl.getName() === name && init) {
        return Node.isArrowFunction(init) || Node.isFunctionExpression(init)
          ? init
          : undefined;
      }
    }
  }
  return undefined;
}

/** A method, or a property holding an arrow function, of the enclosing class. */
export function classMethod(
  use: Node,
  name: string,
): LocalFunction | undefined {
  const cls = use.getFirstAncestor(
    (a) => Node.isClassDeclaration(a) || Node.isClassExpression(a),
  );
  if (!cls || !(Node.isClassDeclaration(cls) || Node.isClassExpression(cls))) {
    return undefined;
  }
  const method = cls.getMethod(name);
  if (method) {
    return method;
  }
  const init = cls.getProperty(name)?.getInitializer();
  return init && (Node.isArrowFunction(init) || Node.isFunctionExpression(init))
    ? init
    : undefined;
}

/**
 * Functions of this file that `fn` calls directly: `helper()` and
 * `this.helper()`. One level only, so a chain of helpers cannot loop.
 */
export function calledLocalFunctions(fn: LocalFunction): LocalFunction[] {
  const found = new Set<LocalFunction>();
  for (const call of descendantsOfKind(fn, SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    const target =
      Node.isIdentifier(callee) ||
      (Node.isPropertyAccessExpression(callee) &&
        Node.isThisExpression(callee.getExpression()))
        ? localFunction(callee)
        : undefined;
    if (target && target !== fn) {
      found.add(target);
    }
  }
  return [...found];
}
