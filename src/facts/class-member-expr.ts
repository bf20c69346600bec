import { ts } from 'ts-morph';
import type { Expr } from './expr.js';
// Mutual recursion: a member's value is an expression like any other.
import { exprOf } from './expr-of.js';
import { lineAt } from './node-text.js';

/**
 * What `this.name` holds inside a class: a property's initializer or
 * injection decorator, a constructor parameter (by decorator or type), or
 * what the constructor assigns to it.
 */
export function thisMember(
  node: ts.Node,
  name: string,
  sourceFile: ts.SourceFile,
  depth: number,
): Expr | undefined {
  const cls = enclosingClass(node);
  if (!cls) {
    return undefined;
  }
  const prop = cls.members.find(
    (member): member is ts.PropertyDeclaration =>
      ts.isPropertyDeclaration(member) &&
      member.name.getText(sourceFile) === name,
  );
  if (prop) {
    if (prop.initializer) {
      return exprOf(prop.initializer, sourceFile, depth);
    }
    const injected = injectionOf(prop, sourceFile);
    if (injected) {
      return injected;
    }
  }
  for (const ctor of constructorsOf(cls)) {
    for (const param of ctor.parameters) {
      if (param.name.getText(sourceFile) === name) {
        return injectionOf(param, sourceFile) ?? typedAs(param, sourceFile);
      }
    }
    const assigned = assignedInBody(ctor, name, sourceFile, depth);
    if (assigned) {
      return assigned;
    }
  }
  return undefined;
}

/**
 * The class `this` names inside a static member (`new this(url)` in a
 * static getter), or undefined where `this` is an instance or a function's
 * own.
 */
export function staticThisClass(node: ts.Node): string | undefined {
  let at: ts.Node | undefined = node.parent;
  while (at) {
    if (ts.isFunctionDeclaration(at) || ts.isFunctionExpression(at)) {
      return undefined;
    }
    if (
      (ts.isClassDeclaration(at.parent) || ts.isClassExpression(at.parent)) &&
      ts.isClassElement(at)
    ) {
      const isStatic =
        ts.isClassStaticBlockDeclaration(at) ||
        (ts.getCombinedModifierFlags(at) & ts.ModifierFlags.Static) !== 0;
      return isStatic ? at.parent.name?.text : undefined;
    }
    at = at.parent;
  }
  return undefined;
}

function enclosingClass(
  node: ts.Node,
): ts.ClassDeclaration | ts.ClassExpression | undefined {
  let at: ts.Node | undefined = node.parent;
  while (at) {
    if (ts.isClassDeclaration(at) || ts.isClassExpression(at)) {
      return at;
    }
    at = at.parent;
  }
  return undefined;
}

/**
 * The constructors with a body, as ts-morph lists them: overload signatures
 * declare no parameters worth reading, except in an ambient class.
 */
export function constructorsOf(
  cls: ts.ClassLikeDeclaration,
): ts.ConstructorDeclaration[] {
  const ambient = inAmbientContext(cls);
  return cls.members.filter(
    (member): member is ts.ConstructorDeclaration =>
      ts.isConstructorDeclaration(member) &&
      (ambient || member.body !== undefined),
  );
}

/** `@InjectQueue('email') q: Queue` becomes the call `InjectQueue('email')`. */
function injectionOf(
  node: ts.HasDecorators,
  sourceFile: ts.SourceFile,
): Expr | undefined {
  for (const decorator of ts.getDecorators(node) ?? []) {
    if (ts.isCallExpression(decorator.expression)) {
      return exprOf(decorator.expression, sourceFile);
    }
  }
  return undefined;
}

/** A constructor parameter known only by its type: `private redis: Redis`. */
function typedAs(
  param: ts.ParameterDeclaration,
  sourceFile: ts.SourceFile,
): Expr | undefined {
  const type = param.type;
  if (!type || !ts.isTypeReferenceNode(type)) {
    return undefined;
  }
  return {
    k: 'new',
    callee: exprOf(type.typeName, sourceFile),
    args: [],
    text: param.getText(sourceFile),
    line: lineAt(param, sourceFile),
  };
}

function assignedInBody(
  ctor: ts.ConstructorDeclaration,
  name: string,
  sourceFile: ts.SourceFile,
  depth: number,
): Expr | undefined {
  for (const statement of ctor.body?.statements ?? []) {
    if (!ts.isExpressionStatement(statement)) {
      continue;
    }
    const expression = statement.expression;
    if (!ts.isBinaryExpression(expression)) {
      continue;
    }
    const left = expression.left;
    if (
      expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(left) &&
      left.expression.kind === ts.SyntaxKind.ThisKeyword &&
      left.name.getText(sourceFile) === name
    ) {
      return exprOf(expression.right, sourceFile, depth);
    }
  }
  return undefined;
}

/** Inside a `declare` declaration or a declaration file. */
function inAmbientContext(node: ts.Node): boolean {
  let at: ts.Node | undefined = node;
  while (at && !ts.isSourceFile(at)) {
    if (
      ts.isInterfaceDeclaration(at) ||
      ts.isTypeAliasDeclaration(at) ||
      (ts.getCombinedModifierFlags(at as ts.Declaration) &
        ts.ModifierFlags.Ambient) !==
        0
    ) {
      return true;
    }
    at = at.parent;
  }
  return at?.isDeclarationFile ?? false;
}
