import { lineOf } from '../../facts/line-of.js';
import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression, ClassDeclaration, NewExpression } from 'ts-morph';
import { shortText, toExpr } from '../../facts/to-expr.js';
import type { ParsedFile } from '../types.js';
import { rootIdentifier } from '../shared/call-shape.js';
import { argExprs } from './arg-exprs.js';
import { extractMethodCalls } from './extract-methods.js';
import { extractNestItems } from './extract-nest.js';
import {
  extractWrapperCalls,
  libraryBranch,
  wrapperMethodOf,
} from './extract-wrappers.js';
import type { ConstructItem, QueueItem } from './types.js';
import { descendantsOfKind } from '../../facts/descendants.js';

/** Raw queue facts of one file: constructions, queue method calls, Nest wiring. */
export function extractQueueItems(file: ParsedFile): QueueItem[] {
  return [
    ...file.news.flatMap((node) => constructionOf(file, node)),
    ...file.calls.flatMap((node) => factoryCallOf(file, node)),
    ...file.classes.flatMap((node) => superCallOf(file, node)),
    ...extractMethodCalls(file),
    ...extractNestItems(file),
    ...extractWrapperCalls(file),
  ];
}

/**
 * `new X(...)` where X is imported (a library class, or a wrapper class
 * from another file) or a class of this file: which of them is a queue is
 * decided at build, when X is resolved.
 */
function constructionOf(
  file: ParsedFile,
  node: NewExpression,
): ConstructItem[] {
  const root = rootIdentifier(node.getExpression());
  if (root === undefined) {
    return [];
  }
  const known =
    file.importOf(root) ?? file.classes.find((cls) => cls.getName() === root);
  if (known) {
    return [construct(node)];
  }
  const branch = libraryBranch(file, node.getExpression());
  return branch ? [construct(node, branch)] : [];
}

/** `Bull('name', opts)`: Bull's default export also works without `new`. */
function factoryCallOf(
  file: ParsedFile,
  node: CallExpression,
): ConstructItem[] {
  const callee = node.getExpression();
  if (!Node.isIdentifier(callee)) {
    return [];
  }
  const fact = file.importOf(callee.getText());
  if (
    fact?.module !== 'bull' ||
    (fact.imported !== 'default' && fact.imported !== '*')
  ) {
    return [];
  }
  return [construct(node)];
}

/** A construction; `calleeNode` replaces the written callee (a class picked by a condition). */
function construct(
  node: NewExpression | CallExpression,
  calleeNode: Node = node.getExpression(),
): ConstructItem {
  const line = lineOf(node);
  const args = argExprs(node.getArguments());
  const callee = toExpr(calleeNode);
  const expr = Node.isNewExpression(node)
    ? { k: 'new' as const, callee, args, text: shortText(node), line }
    : { k: 'call' as const, callee, args, text: shortText(node), line };
  const method = wrapperMethodOf(node, node.getArguments()[0]);
  return method
    ? { kind: 'construct', expr, line, method }
    : { kind: 'construct', expr, line };
}

/**
 * `class EmailQueue extends Queue { constructor() { super('email') } }`
 * defines a queue even when the class is only ever handed to a framework.
 * The `super(...)` call is recorded as a construction of the parent class;
 * the build drops it when the name depends on constructor parameters.
 */
function superCallOf(file: ParsedFile, cls: ClassDeclaration): ConstructItem[] {
  const heritage = cls.getExtends()?.getExpression();
  const root = heritage ? rootIdentifier(heritage) : undefined;
  if (!heritage || root === undefined || !file.importOf(root)) {
    return [];
  }
  const ctor = cls.getConstructors()[0];
  const superCall = ctor
    ? descendantsOfKind(ctor, SyntaxKind.CallExpression).find(
        (call) => call.getExpression().getKind() === SyntaxKind.SuperKeyword,
      )
    : undefined;
  if (!superCall) {
    return [];
  }
  const line = lineOf(superCall);
  const expr = {
    k: 'new' as const,
    callee: toExpr(heritage),
    args: argExprs(superCall.getArguments()),
    text: shortText(superCall),
    line,
  };
  return [{ kind: 'construct', expr, line }];
}
