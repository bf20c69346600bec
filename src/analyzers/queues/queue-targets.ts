import type { Expr } from '../../facts/expr.js';
import { patternOf } from '../../facts/expr.js';
import type { Resolver } from '../../facts/resolver.js';
import type { LibraryTarget } from './library-target.js';
import { libraryTarget } from './library-target.js';

/** A library object an expression stands for, with the queue names it serves. */
export interface QueueTarget extends LibraryTarget {
  /** Queue names as patterns; empty for a flow producer or an unnamed queue. */
  names: string[];
}

/**
 * What `expr` (written in `file`) is once resolved: `emailQueue` imported
 * from `./queues`, `this.queue` injected with `@InjectQueue('email')`, or
 * each queue a loop over `Object.values(Queues)` creates.
 */
export function targetsOf(
  expr: Expr,
  file: string,
  resolver: Resolver,
): QueueTarget[] {
  const targets: QueueTarget[] = [];
  for (const value of resolver.expand(expr, file)) {
    const target = libraryTarget(value);
    if (target && (value.k === 'new' || value.k === 'call')) {
      targets.push({
        ...target,
        names: namesOf(value.args[0], file, resolver),
      });
    }
  }
  return targets;
}

/**
 * The queue names an argument stands for. `emailQueue.name` is read from
 * the queue it points to. A name built from a parameter of the enclosing
 * function or constructor is left to the call sites that pass it: it names
 * no queue by itself, so nothing is returned.
 */
export function namesOf(
  arg: Expr | undefined,
  file: string,
  resolver: Resolver,
): string[] {
  if (!arg) {
    return [];
  }
  const owner = nameOwner(arg);
  if (owner) {
    const fromQueue = targetsOf(owner, file, resolver).flatMap(
      (target) => target.names,
    );
    if (fromQueue.length > 0) {
      return unique(fromQueue);
    }
  }
  const values = resolver.expand(arg, file);
  if (values.some(hasParam)) {
    return [];
  }
  return unique(values.map((value) => patternOf(value)));
}

/** `queue` in `queue.name` or `this.queue.name`. */
function nameOwner(arg: Expr): Expr | undefined {
  if (
    (arg.k === 'ref' || arg.k === 'member') &&
    arg.path[arg.path.length - 1] === 'name'
  ) {
    const path = arg.path.slice(0, -1);
    if (arg.k === 'member' && path.length === 0) {
      return arg.of;
    }
    return { ...arg, path };
  }
  return undefined;
}

function hasParam(expr: Expr): boolean {
  switch (expr.k) {
    case 'param':
      return true;
    case 'tpl':
      return expr.parts.some(hasParam);
    case 'member':
      return hasParam(expr.of);
    case 'bin':
      return hasParam(expr.left) || hasParam(expr.right);
    default:
      return false;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
