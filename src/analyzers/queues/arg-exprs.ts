import { lineOf } from '../../facts/line-of.js';
import { Node } from 'ts-morph';
import { dyn } from '../../facts/expr.js';
import type { Expr } from '../../facts/expr.js';
import { shortText, toExpr } from '../../facts/to-expr.js';

/**
 * Call arguments as `Expr`s. A processor function is kept as its text only:
 * the build needs to know a function was passed, not what it returns, and
 * facts stay small. A spread argument stands for its inner expression.
 */
export function argExprs(args: Node[]): Expr[] {
  return args.map((arg) => {
    if (Node.isArrowFunction(arg) || Node.isFunctionExpression(arg)) {
      return dyn(shortText(arg), lineOf(arg));
    }
    if (Node.isSpreadElement(arg)) {
      return toExpr(arg.getExpression());
    }
    return toExpr(arg);
  });
}
