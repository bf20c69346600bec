import type { Expr } from '../../facts/expr.js';
import { propOf } from '../../facts/expr.js';
import type { QueueFamily } from './library-target.js';

/** One job a producer call adds, with its arguments as resolved. */
export interface AddedJob {
  name?: Expr;
  options?: Expr;
  line: number;
}

/** Keys of Bull's job options, to tell `add(data, opts)` from `add(name, data)`. */
const BULL_JOB_OPTIONS = new Set([
  'attempts',
  'backoff',
  'delay',
  'jobId',
  'lifo',
  'priority',
  'removeOnComplete',
  'removeOnFail',
  'repeat',
  'stackTraceLimit',
  'timeout',
]);

/** The jobs of `add(...)` or `addBulk([...])` on a queue of `family`. */
export function addedJobs(
  family: QueueFamily,
  method: string,
  args: Expr[],
  line: number,
): AddedJob[] {
  if (method === 'addBulk') {
    const list = args[0];
    if (list?.k !== 'arr') {
      return [{ line }];
    }
    return list.items.map((item) => ({
      name: propOf(item, 'name'),
      options: propOf(item, 'opts'),
      line,
    }));
  }
  if (family === 'bull') {
    return [{ ...bullAddShape(args), line }];
  }
  return [{ name: args[0], options: args[2], line }];
}

/**
 * Bull's `add` takes `(data)`, `(data, opts)`, `(name, data)` or
 * `(name, data, opts)`. Two arguments are read as `(data, opts)` when the
 * first is an object or the second holds only job option keys.
 */
function bullAddShape(args: Expr[]): { name?: Expr; options?: Expr } {
  const [first, second, third] = args;
  if (args.length >= 3) {
    return { name: first, options: third };
  }
  if (args.length <= 1 || !first) {
    return {};
  }
  const stringy =
    (first.k === 'lit' && typeof first.v === 'string') || first.k === 'tpl';
  if (stringy) {
    return { name: first };
  }
  const optionsOnly =
    second?.k === 'obj' &&
    second.spreads.length === 0 &&
    second.props.every(([key]) => BULL_JOB_OPTIONS.has(key));
  if (first.k === 'obj' || optionsOnly) {
    return { options: second };
  }
  return { name: first };
}

/** What a consumer call states: the job name it handles and its concurrency. */
export interface ProcessShape {
  name?: Expr;
  concurrency?: Expr;
}

/**
 * Bull's `process([name], [concurrency], fn)` and Bee-Queue's
 * `process([concurrency], fn)`. The handler is always last. A single
 * leading argument is a name when it is a string and a concurrency when it
 * is a number; when it cannot be resolved it is kept as `process.arg0`.
 */
export function processShape(
  family: QueueFamily,
  args: Expr[],
): ProcessShape & { unknown?: Expr } {
  const leading = args.slice(0, -1);
  const [first, second] = leading;
  if (!first) {
    return {};
  }
  if (second) {
    return { name: first, concurrency: second };
  }
  if (
    family === 'bee-queue' ||
    (first.k === 'lit' && typeof first.v === 'number')
  ) {
    return { concurrency: first };
  }
  if ((first.k === 'lit' && typeof first.v === 'string') || first.k === 'tpl') {
    return { name: first };
  }
  return { unknown: first };
}

/** Bee-Queue's `createJob(data).retries(3).backoff('fixed', 1000)...` as options. */
export function beeJobOptions(
  chain: { method: string; args: Expr[] }[],
): [string, Expr][] {
  const options: [string, Expr][] = [];
  for (const link of chain) {
    const [first, second] = link.args;
    if (link.method === 'retries' && first) {
      options.push(['attempts', first]);
    } else if (link.method === 'backoff') {
      options.push(
        ...(first ? [['backoff.type', first] as [string, Expr]] : []),
      );
      options.push(
        ...(second ? [['backoff.delay', second] as [string, Expr]] : []),
      );
    } else if (link.method === 'timeout' && first) {
      options.push(['timeout', first]);
    } else if (link.method === 'delayUntil' && first) {
      options.push(['delayUntil', first]);
    } else if (link.method === 'setId' && first) {
      options.push(['jobId', first]);
    }
  }
  return options;
}
