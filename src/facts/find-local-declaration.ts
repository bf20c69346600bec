import { ts } from 'ts-morph';
import type { Node } from 'ts-morph';
import { wrapCompilerNode } from './wrap-compiler-node.js';

/** What a name declared inside a function or block stands for. */
export type LocalDeclaration<N = Node> =
  | { kind: 'value'; initializer: N }
  | { kind: 'param'; index: number; owner?: string; fn?: string }
  | { kind: 'each'; iterable: N }
  | { kind: 'opaque' };

/**
 * Finds the declaration of `identifier` in the scopes between it and the top
 * of the file, without the type checker. Returns undefined for names declared
 * at the top level or not at all: those are resolved across files later.
 */
export function findLocalDeclaration(
  identifier: Node,
): LocalDeclaration | undefined {
  const sourceFile = identifier.getSourceFile();
  const found = findLocalBinding(
    identifier.compilerNode,
    sourceFile.compilerNode,
  );
  if (found?.kind === 'value') {
    return {
      kind: 'value',
      initializer: wrapCompilerNode(sourceFile, found.initializer),
    };
  }
  if (found?.kind === 'each') {
    return {
      kind: 'each',
      iterable: wrapCompilerNode(sourceFile, found.iterable),
    };
  }
  return found;
}

/**
 * `findLocalDeclaration` on the compiler's tree, which the fact extraction
 * walks directly: it runs for every name in every expression taken, and
 * ts-morph's wrappers for each scope and statement cost more than the parse.
 */
export function findLocalBinding(
  identifier: ts.Node,
  sourceFile: ts.SourceFile,
): LocalDeclaration<ts.Node> | undefined {
  const name = identifier.getText(sourceFile);
  let scope: ts.Node | undefined = identifier.parent;
  while (scope && !ts.isSourceFile(scope)) {
    const found = declarationIn(scope, name, identifier, sourceFile);
    if (found) {
      return found;
    }
    scope = scope.parent;
  }
  return undefined;
}

type Found = LocalDeclaration<ts.Node> | undefined;

function declarationIn(
  scope: ts.Node,
  name: string,
  use: ts.Node,
  sourceFile: ts.SourceFile,
): Found {
  if (ts.isBlock(scope) || ts.isCaseClause(scope) || ts.isModuleBlock(scope)) {
    return inStatements(scope.statements, name, use, sourceFile);
  }
  if (ts.isForOfStatement(scope)) {
    return forOfBinding(scope, name, sourceFile);
  }
  if (
    ts.isFunctionDeclaration(scope) ||
    ts.isFunctionExpression(scope) ||
    ts.isArrowFunction(scope) ||
    ts.isMethodDeclaration(scope) ||
    ts.isConstructorDeclaration(scope)
  ) {
    return parameterOf(scope, name, sourceFile);
  }
  return undefined;
}

function inStatements(
  statements: readonly ts.Statement[],
  name: string,
  use: ts.Node,
  sourceFile: ts.SourceFile,
): Found {
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        const found = fromVariable(decl, name, use, sourceFile);
        if (found) {
          return found;
        }
      }
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement)) &&
      statement.name?.getText(sourceFile) === name
    ) {
      return { kind: 'opaque' };
    }
  }
  return undefined;
}

function fromVariable(
  decl: ts.VariableDeclaration,
  name: string,
  use: ts.Node,
  sourceFile: ts.SourceFile,
): Found {
  if (ts.isIdentifier(decl.name)) {
    if (decl.name.getText(sourceFile) !== name) {
      return undefined;
    }
    const init = decl.initializer;
    // A name used inside its own initializer, or a `let` without one, is opaque.
    if (!init || (init.pos <= use.pos && use.end <= init.end)) {
      return { kind: 'opaque' };
    }
    return { kind: 'value', initializer: init };
  }
  return bindsName(decl.name, name, sourceFile)
    ? { kind: 'opaque' }
    : undefined;
}

/** Whether a binding pattern names `name` anywhere inside it. */
function bindsName(
  pattern: ts.Node,
  name: string,
  sourceFile: ts.SourceFile,
): boolean {
  const visit = (node: ts.Node): boolean =>
    (ts.isIdentifier(node) && node.getText(sourceFile) === name) ||
    (ts.forEachChild(node, visit) ?? false);
  return ts.forEachChild(pattern, visit) ?? false;
}

function forOfBinding(
  loop: ts.ForOfStatement,
  name: string,
  sourceFile: ts.SourceFile,
): Found {
  const init = loop.initializer;
  if (!ts.isVariableDeclarationList(init)) {
    return undefined;
  }
  for (const decl of init.declarations) {
    if (ts.isIdentifier(decl.name) && decl.name.getText(sourceFile) === name) {
      return { kind: 'each', iterable: loop.expression };
    }
    if (ts.isArrayBindingPattern(decl.name)) {
      // for (const [key, value] of Object.entries(X)): value is each value.
      const second = decl.name.elements[1];
      if (
        second &&
        ts.isBindingElement(second) &&
        second.name.getText(sourceFile) === name
      ) {
        return { kind: 'each', iterable: loop.expression };
      }
    }
  }
  return undefined;
}

/**
 * A parameter. The callback of `X.forEach(q => ...)` or `X.map(q => ...)`
 * iterates X, so its first parameter stands for each element.
 */
function parameterOf(
  fn: ts.SignatureDeclaration,
  name: string,
  sourceFile: ts.SourceFile,
): Found {
  const params = fn.parameters;
  const index = params.findIndex(
    (param) => param.name.getText(sourceFile) === name,
  );
  if (index < 0) {
    // Only the binding pattern declares names: a decorator or a type on the
    // parameter (`@InjectQueue(Q.Email) q: Queue`) merely uses them.
    const destructured = params.some((param) =>
      bindsName(param.name, name, sourceFile),
    );
    return destructured ? { kind: 'opaque' } : undefined;
  }
  const iterable = iteratedBy(fn);
  if (iterable && index === 0) {
    return { kind: 'each', iterable };
  }
  const owner =
    ts.isConstructorDeclaration(fn) && ts.isClassDeclaration(fn.parent)
      ? fn.parent.name?.getText(sourceFile)
      : undefined;
  return { kind: 'param', index, owner, fn: topLevelName(fn, sourceFile) };
}

/**
 * The top-level name a function is bound to (`function make()` or
 * `const make = () => ...`), so its call sites can supply its parameters.
 */
function topLevelName(
  fn: ts.Node,
  sourceFile: ts.SourceFile,
): string | undefined {
  if (ts.isFunctionDeclaration(fn)) {
    return ts.isSourceFile(fn.parent)
      ? fn.name?.getText(sourceFile)
      : undefined;
  }
  const decl = fn.parent;
  if (!ts.isVariableDeclaration(decl)) {
    return undefined;
  }
  const statement = decl.parent.parent;
  return ts.isVariableStatement(statement) && ts.isSourceFile(statement.parent)
    ? decl.name.getText(sourceFile)
    : undefined;
}

const ITERATING_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter']);

function iteratedBy(fn: ts.Node): ts.Node | undefined {
  const call = fn.parent;
  if (!ts.isCallExpression(call)) {
    return undefined;
  }
  const callee = call.expression;
  if (
    ts.isPropertyAccessExpression(callee) &&
    ITERATING_METHODS.has(callee.name.text)
  ) {
    return callee.expression;
  }
  return undefined;
}
