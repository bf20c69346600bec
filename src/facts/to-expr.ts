import type { Node } from 'ts-morph';
import type { Expr } from './expr.js';
import { dyn } from './expr.js';
import { exprOf } from './expr-of.js';
import { shortTextOf } from './node-text.js';

/**
 * `exprOf` for a ts-morph node, as the analyzers hold them: converts an
 * expression to an `Expr`, resolving what the file alone can tell and
 * leaving top-level and imported names as `ref` for cross-file resolution.
 */
export function toExpr(node: Node | undefined, depth = 0): Expr {
  if (!node) {
    return dyn('undefined', 0);
  }
  return exprOf(node.compilerNode, node.getSourceFile().compilerNode, depth);
}

/** Source text, shortened so a huge literal never bloats facts or reports. */
export function shortText(node: Node): string {
  return shortTextOf(node.compilerNode, node.getSourceFile().compilerNode);
}
