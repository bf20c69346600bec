import type { Expr } from '../../facts/expr.js';
import type { OptionValue } from '../../model/types.js';
import { site } from '../shared/site.js';
import type { BuildState } from './build-state.js';
import type { ClassRole, LibraryTarget } from './library-target.js';
import { libraryTarget } from './library-target.js';
import { queueOptions } from './queue-options.js';
import { namesOf } from './queue-targets.js';
import { wrapperUses } from './build-wrappers.js';
import type { ConstructItem, WrapperMethod } from './types.js';

/** The site role of each library class; a flow producer names no queue. */
const SITE_ROLE: Record<ClassRole, string | undefined> = {
  queue: 'definition',
  worker: 'consumer',
  events: 'events',
  flow: undefined,
};

/** A library queue class, or a local class that may extend one. */
function mayBeLibraryClass(
  state: BuildState,
  raw: Extract<Expr, { k: 'new' }>,
  file: string,
): boolean {
  // A class imported from a local module that leads to no queue library
  // cannot be one, and its module is not parsed to find out.
  const { resolver } = state;
  const callee = raw.callee;
  const imported =
    callee.k === 'ref'
      ? resolver
          .parsedFactsOf(file)
          ?.imports.find((imp) => imp.local === callee.name)
      : undefined;
  const from = imported && resolver.resolveModule(file, imported.module);
  if (from !== undefined && !state.libraryReach.has(from)) {
    return false;
  }
  const resolved = resolver.resolve(callee, file);
  return (
    resolved.k === 'class' ||
    libraryTarget({ ...raw, callee: resolved, args: [] }) !== undefined
  );
}

/**
 * A construction of a queue, worker or queue-events object, once its callee
 * is resolved: wrapper classes arrive here as the library class with the
 * arguments their constructor passes to `super()`.
 */
export function addConstruct(
  state: BuildState,
  item: ConstructItem,
  file: string,
): void {
  const raw = item.expr;
  if (raw.k !== 'new' && raw.k !== 'call') {
    return;
  }
  // The class alone decides whether this is a queue at all; the arguments,
  // which can take parsing whole config modules, are resolved only then.
  if (raw.k === 'new' && !mayBeLibraryClass(state, raw, file)) {
    return;
  }
  const resolved = state.resolver.resolve(raw, file);
  const target = libraryTarget(resolved);
  const role = target ? SITE_ROLE[target.role] : undefined;
  if (!target || !role || (resolved.k !== 'new' && resolved.k !== 'call')) {
    return;
  }

  // Through a wrapper class the name is what the class passes to super();
  // otherwise the written argument is read, so `queue.name` can be followed.
  const wrapped = state.resolver.resolve(raw.callee, file).k === 'class';
  const names = namesOf(
    wrapped ? resolved.args[0] : raw.args[0],
    file,
    state.resolver,
  );
  if (names.length === 0) {
    if (item.method) {
      addWrapperUses(
        state,
        { ...item, method: item.method },
        raw,
        file,
        target,
        role,
      );
    } else {
      addFactoryCalls(state, item, raw, file, target, role);
    }
    return;
  }

  const options = constructOptions(target, resolved.args, file);
  for (const name of names) {
    state.table.add(target.family, name, {
      site: site(file, item.line, role),
      options,
    });
  }
}

/**
 * A construction inside a factory, `function createQueue(name, opts) {
 * return new Queue(name, ...) }`: each call of the factory defines one
 * queue, with the factory's parameters bound to that call's arguments.
 */
function addFactoryCalls(
  state: BuildState,
  item: ConstructItem,
  raw: Extract<Expr, { k: 'new' | 'call' }>,
  file: string,
  target: LibraryTarget,
  role: string,
): void {
  const factory = raw.args[0] ? factoryOf(raw.args[0]) : undefined;
  const calls = factory ? state.resolver.callSitesOf(file, factory) : [];
  if (calls.length === 0) {
    state.log.debug(
      { file, line: item.line },
      'queue name depends on a parameter; skipped',
    );
    return;
  }
  for (const call of calls) {
    const bound = state.resolver.resolveWith(raw, file, call.env);
    if (bound.k !== 'new' && bound.k !== 'call') {
      continue;
    }
    const options = constructOptions(target, bound.args, file);
    for (const name of namesOf(bound.args[0], file, state.resolver)) {
      state.table.add(target.family, name, {
        site: site(call.file, call.line, role),
        options,
      });
      state.table.add(target.family, name, {
        site: site(file, item.line, 'factory'),
        options: {},
      });
    }
  }
}

/** Each call of the wrapper method around the construction defines one queue. */
function addWrapperUses(
  state: BuildState,
  item: ConstructItem & { method: WrapperMethod },
  raw: Extract<Expr, { k: 'new' | 'call' }>,
  file: string,
  target: LibraryTarget,
  role: string,
): void {
  for (const use of wrapperUses(state, item, file, role)) {
    const bound = state.resolver.resolveWith(raw, file, use.env);
    const args = bound.k === 'new' || bound.k === 'call' ? bound.args : [];
    const options = constructOptions(target, args, file);
    state.table.add(target.family, use.name, { site: use.site, options });
    state.table.add(target.family, use.name, {
      site: site(file, item.line, 'factory'),
      options: {},
    });
  }
}

/** The top-level function whose parameter a queue name is built from. */
function factoryOf(expr: Expr): string | undefined {
  if (expr.k === 'param') {
    return expr.fn;
  }
  if (expr.k === 'tpl') {
    return expr.parts.map(factoryOf).find((fn) => fn !== undefined);
  }
  return undefined;
}

/**
 * Where each constructor takes its options: `new Worker(name, fn, opts)`,
 * `new Queue(name, opts)`, Bull's `new Queue(name, redisUrl, opts)` and
 * Bee-Queue's `new Queue(name, settings)`.
 */
function constructOptions(
  target: LibraryTarget,
  args: Expr[],
  file: string,
): Record<string, OptionValue> {
  if (target.role === 'events') {
    return {};
  }
  if (target.role === 'worker') {
    return queueOptions(args[2], file);
  }
  const [, second, third] = args;
  const redisUrl =
    second?.k === 'tpl' ||
    (second?.k === 'lit' && typeof second.v === 'string');
  if (target.family === 'bull' && (third || redisUrl)) {
    return queueOptions(third, file);
  }
  return queueOptions(second, file);
}
