import type { Expr } from '../../facts/expr.js';
import { patternOf } from '../../facts/expr.js';
import type { Resolver } from '../../facts/resolver.js';
import type { FailureHandling } from '../../model/types.js';
import type { QueueTable } from './queue-table.js';

/** What the amqplib and SQS builds share while they fill the model. */
export interface BrokerBuild {
  resolver: Resolver;
  table: QueueTable;
  failures: FailureHandling[];
  /** Whether `file` imports the top-level name `local` from somewhere. */
  importsName(file: string, local: string): boolean;
}

/**
 * Every name `expr` (written in `file`) can take: one for a constant, one
 * per value when it iterates a list or enum, `{text}` for dynamic parts.
 */
export function namesOf(
  build: BrokerBuild,
  expr: Expr,
  file: string,
): string[] {
  return build.resolver.expand(expr, file).map(patternOf);
}

/** Whether a resolved expression is fully known. */
export function isResolved(expr: Expr): boolean {
  return expr.k === 'lit';
}
