import { Node, SyntaxKind } from 'ts-morph';
import { callsIn } from './calls-in.js';
import { climbCondition, guardedStatements } from './guarded-branch.js';
import { functionName } from './in-loop.js';
import type { GuardedCall } from './types.js';
import { descendantsOfKind } from '../../facts/descendants.js';

/**
 * Best-effort: the calls that run only while the lock taken by `acquire` is
 * held, within the same file. Covered: `if (await acquire) {...}`, a result
 * kept in a variable or `this.x` and tested by `if (x) {...}` or
 * `if (!x) return;` (the rest of the block is guarded), a function returning
 * the result (or a method returning `this.x`) tested the same way.
 */
export function guardsOf(acquire: Node): GuardedCall[] {
  const { node: use, negated } = climbCondition(acquire);
  const parent = use.getParent();
  if (parent && Node.isIfStatement(parent) && parent.getExpression() === use) {
    return guardedCalls(
      guardedStatements(parent, negated),
      acquire.getSourceFile(),
    );
  }
  const names = resultNames(use);
  if (names.size === 0) {
    return [];
  }
  addReturningFunctions(acquire.getSourceFile(), names);
  const statements = testedBranches(searchScope(use, parent), names);
  return guardedCalls(statements, acquire.getSourceFile());
}

/**
 * Calls in the guarded statements, plus those guarded by a flag the
 * statements set: `if (ok) { this.isLeader = true }` makes every
 * `if (!this.isLeader) return;` in the file a guard of the same lock.
 */
function guardedCalls(statements: Node[], file: Node): GuardedCall[] {
  const flags = new Set<string>();
  for (const statement of statements) {
    for (const node of [statement, ...statement.getDescendants()]) {
      const flag = assignedFlag(node);
      if (flag !== undefined) {
        flags.add(flag);
      }
    }
  }
  if (flags.size > 0) {
    addReturningFunctions(file, flags);
  }
  const flagged = flags.size > 0 ? testedBranches(file, flags) : [];
  return callsIn([...statements, ...flagged]);
}

/** `this.isLeader = true` or `leader = true`. */
function assignedFlag(node: Node): string | undefined {
  if (
    !Node.isBinaryExpression(node) ||
    node.getOperatorToken().getKind() !== SyntaxKind.EqualsToken ||
    node.getRight().getKind() !== SyntaxKind.TrueKeyword
  ) {
    return undefined;
  }
  const left = node.getLeft();
  return Node.isPropertyAccessExpression(left)
    ? left.getName()
    : left.getText();
}

/** The statements that run when an `if` in `scope` finds one of `names` held. */
function testedBranches(scope: Node, names: ReadonlySet<string>): Node[] {
  return descendantsOfKind(scope, SyntaxKind.IfStatement).flatMap(
    (statement) => {
      const mention = statement
        .getExpression()
        .getDescendants()
        .find((d) => Node.isIdentifier(d) && names.has(d.getText()));
      const condition = statement.getExpression();
      const tested =
        mention ??
        (Node.isIdentifier(condition) && names.has(condition.getText())
          ? condition
          : undefined);
      return tested
        ? guardedStatements(statement, climbCondition(tested).negated)
        : [];
    },
  );
}

/** What holds the result: `const ok = ...`, `this.isLeader = ...`, or a returning function. */
function resultNames(use: Node): Set<string> {
  const names = new Set<string>();
  const parent = use.getParent();
  if (parent && Node.isVariableDeclaration(parent)) {
    const binding = parent.getNameNode();
    const bound = Node.isIdentifier(binding)
      ? [binding]
      : descendantsOfKind(binding, SyntaxKind.Identifier);
    bound.forEach((identifier) => names.add(identifier.getText()));
  } else if (
    parent &&
    Node.isBinaryExpression(parent) &&
    parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken
  ) {
    const left = parent.getLeft();
    names.add(
      Node.isPropertyAccessExpression(left) ? left.getName() : left.getText(),
    );
  } else if (
    parent &&
    (Node.isReturnStatement(parent) || Node.isArrowFunction(parent))
  ) {
    const fn = use.getFirstAncestor((a) => functionName(a) !== undefined);
    const name = fn ? functionName(fn) : undefined;
    if (name !== undefined) {
      names.add(name);
    }
  }
  return names;
}

/** `isLeader() { return this.leader; }` stands for `leader`. */
function addReturningFunctions(file: Node, names: Set<string>): void {
  for (const statement of descendantsOfKind(file, SyntaxKind.ReturnStatement)) {
    const value = statement.getExpression();
    const fn = statement.getFirstAncestor((a) => functionName(a) !== undefined);
    const name = fn ? functionName(fn) : undefined;
    const mentioned = value
      ?.getDescendants()
      .some((d) => Node.isIdentifier(d) && names.has(d.getText()));
    if (
      value &&
      name !== undefined &&
      (mentioned || names.has(value.getText()))
    ) {
      names.add(name);
    }
  }
}

/** A local variable is tested in its own function; a field or function anywhere in the file. */
function searchScope(use: Node, parent: Node | undefined): Node {
  if (parent && Node.isVariableDeclaration(parent)) {
    const fn = parent.getFirstAncestor(
      (a) => Node.isFunctionLikeDeclaration(a) || Node.isArrowFunction(a),
    );
    return fn ?? use.getSourceFile();
  }
  return use.getSourceFile();
}
