import type { Expr } from '../../facts/expr.js';
import { patternOf } from '../../facts/expr.js';
import type { Resolver } from '../../facts/resolver.js';

/** Channel names an expression stands for: constants, enums, arrays, loops. */
export function channelNames(
  expr: Expr,
  file: string,
  resolver: Resolver,
): string[] {
  return resolver
    .expand(expr, file)
    .flatMap((value) => (value.k === 'arr' ? value.items : [value]))
    .map((value) => patternOf(value));
}
