import { ts } from 'ts-morph';
import { firstDescendant } from './descendants.js';
import type { Expr, FnExpr } from './expr.js';
import { exprOf } from './expr-of.js';
import { findLocalBinding } from './find-local-declaration.js';

/** An arrow function or function expression, with what it returns. */
export function fnExprOf(
  node: ts.ArrowFunction | ts.FunctionExpression,
  sourceFile: ts.SourceFile,
  text: string,
  line: number,
  depth: number,
): FnExpr {
  const params = node.parameters.map((param) => param.name.getText(sourceFile));
  const body = returnedExprOf(node, sourceFile, depth);
  return { k: 'fn', params, body, text, line };
}

/** The single expression a function returns, if its body is that simple. */
export function returnedExprOf(
  node: ts.FunctionLikeDeclaration,
  sourceFile: ts.SourceFile,
  depth = 0,
): Expr | null {
  const body = node.body;
  if (!body) {
    return null;
  }
  if (!ts.isBlock(body)) {
    return exprOf(body, sourceFile, depth);
  }
  const returns = body.statements.filter(ts.isReturnStatement);
  const only = returns.length === 1 ? returns[0] : undefined;
  if (!only) {
    return null;
  }
  const value = only.expression;
  if (!value) {
    return null;
  }
  return (
    memoizedValue(body, value, sourceFile, depth) ??
    exprOf(value, sourceFile, depth)
  );
}

/**
 * A lazy singleton: `let cached; function get() { if (!cached) { cached =
 * create(...) } return cached }` returns what is assigned to `cached`.
 */
function memoizedValue(
  body: ts.Block,
  value: ts.Expression,
  sourceFile: ts.SourceFile,
  depth: number,
): Expr | undefined {
  if (!ts.isIdentifier(value) || findLocalBinding(value, sourceFile)) {
    return undefined;
  }
  const name = value.getText(sourceFile);
  const assignment = firstDescendant(
    body,
    (node): node is ts.BinaryExpression =>
      ts.isBinaryExpression(node) &&
      (node.operatorToken.kind === ts.SyntaxKind.EqualsToken ||
        node.operatorToken.kind ===
          ts.SyntaxKind.QuestionQuestionEqualsToken) &&
      ts.isIdentifier(node.left) &&
      node.left.getText(sourceFile) === name,
  );
  return assignment ? exprOf(assignment.right, sourceFile, depth) : undefined;
}
