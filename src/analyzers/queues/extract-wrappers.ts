import { Node, SyntaxKind } from 'ts-morph';
import type { ClassDeclaration } from 'ts-morph';
import type { Expr } from '../../facts/expr.js';
import { findLocalDeclaration } from '../../facts/find-local-declaration.js';
import { lineOf } from '../../facts/line-of.js';
import { shortText, toExpr } from '../../facts/to-expr.js';
import type { ParsedFile } from '../types.js';
import { rootIdentifier } from '../shared/call-shape.js';
import { argExprs } from './arg-exprs.js';
import type { WrapperCallItem, WrapperMethod } from './types.js';

/**
 * Methods whose name says they hand out a queue or a worker: `createQueue`,
 * `openWorker`. A wrapper called `create(topic)` is not followed: `create`
 * is too common a name to record every call of it. The analyzer's keywords
 * `Queue(` and `Worker(` keep the files calling these candidates.
 */
const WRAPPER_METHOD = /(Queue|Worker)$/;

/**
 * `const QueueClass = pro ? QueuePro : Queue; new QueueClass(...)`: the
 * branch that names an imported class, so the construction is still seen.
 */
export function libraryBranch(
  file: ParsedFile,
  callee: Node,
): Node | undefined {
  if (!Node.isIdentifier(callee)) {
    return undefined;
  }
  const local = findLocalDeclaration(callee);
  if (
    local?.kind !== 'value' ||
    !Node.isConditionalExpression(local.initializer)
  ) {
    return undefined;
  }
  const { initializer } = local;
  return [initializer.getWhenTrue(), initializer.getWhenFalse()].find(
    (branch) => {
      const root = rootIdentifier(branch);
      return (
        root !== undefined &&
        root !== 'require' &&
        file.importOf(root) !== undefined
      );
    },
  );
}

/** The class method whose parameter `nameArg` is, when it is one. */
export function wrapperMethodOf(
  node: Node,
  nameArg: Node | undefined,
): WrapperMethod | undefined {
  if (!nameArg || !Node.isIdentifier(nameArg)) {
    return undefined;
  }
  const method = node.getFirstAncestorByKind(SyntaxKind.MethodDeclaration);
  const cls = method?.getParent();
  const name = Node.isClassDeclaration(cls) ? cls.getName() : undefined;
  if (!method || name === undefined || !WRAPPER_METHOD.test(method.getName())) {
    return undefined;
  }
  const params = method.getParameters().map((param) => param.getName());
  return params.includes(nameArg.getText())
    ? { cls: name, name: method.getName(), params }
    : undefined;
}

/** `this.bus.createQueue(...)` on a property declared as a local or imported class. */
export function extractWrapperCalls(file: ParsedFile): WrapperCallItem[] {
  const items: WrapperCallItem[] = [];
  for (const call of file.calls) {
    const callee = call.getExpression();
    if (
      !Node.isPropertyAccessExpression(callee) ||
      !WRAPPER_METHOD.test(callee.getName())
    ) {
      continue;
    }
    const type = declaredClass(callee.getExpression());
    const root = type ? rootIdentifier(type) : undefined;
    if (!type || root === undefined || !isKnownClass(file, root)) {
      continue;
    }
    items.push({
      kind: 'wrapper-call',
      method: callee.getName(),
      cls: toExpr(type),
      args: call
        .getArguments()
        .map((arg) => ctorParamOf(arg) ?? argExprs([arg])[0] ?? toExpr(arg)),
      line: lineOf(callee.getNameNode()),
    });
  }
  return items;
}

function isKnownClass(file: ParsedFile, name: string): boolean {
  return (
    file.importOf(name) !== undefined ||
    file.classes.some((c) => c.getName() === name)
  );
}

/** The class named by the declared type (or `new X()` initializer) of `this.x`. */
function declaredClass(receiver: Node): Node | undefined {
  const member = thisMember(receiver);
  if (!member) {
    return undefined;
  }
  const { cls, name } = member;
  const property = cls.getProperty(name);
  const initializer = property?.getInitializer();
  if (Node.isNewExpression(initializer)) {
    return initializer.getExpression();
  }
  const param = cls
    .getConstructors()
    .flatMap((ctor) => ctor.getParameters())
    .find((p) => p.getName() === name);
  const typeNode = (property ?? param)?.getTypeNode();
  return Node.isTypeReference(typeNode) ? typeNode.getTypeName() : undefined;
}

function thisMember(
  node: Node,
): { cls: ClassDeclaration; name: string } | undefined {
  if (
    !Node.isPropertyAccessExpression(node) ||
    !Node.isThisExpression(node.getExpression())
  ) {
    return undefined;
  }
  const cls = node.getFirstAncestorByKind(SyntaxKind.ClassDeclaration);
  return cls ? { cls, name: node.getName() } : undefined;
}

/**
 * `this.topic` where `topic` is a constructor parameter property: kept as
 * that parameter of the class, which subclasses fill through `super()`.
 */
function ctorParamOf(arg: Node): Expr | undefined {
  const member = thisMember(arg);
  if (!member) {
    return undefined;
  }
  const params = member.cls.getConstructors()[0]?.getParameters() ?? [];
  const index = params.findIndex(
    (p) => p.getName() === member.name && p.isParameterProperty(),
  );
  const owner = member.cls.getName();
  if (index < 0 || owner === undefined) {
    return undefined;
  }
  const text = shortText(arg);
  return {
    k: 'param',
    name: member.name,
    index,
    owner,
    text,
    line: lineOf(arg),
  };
}
