import type { Expr } from '../../facts/expr.js';
import type { QueueLibrary } from '../../model/types.js';

/** Libraries that share a Redis layout and an API are one family. */
export type QueueFamily = 'bullmq' | 'bull' | 'bee-queue';

/** What a library class does for a queue. */
export type ClassRole = 'queue' | 'worker' | 'events' | 'flow';

/** The library class a construction or an injection stands for. */
export interface LibraryTarget {
  family: QueueFamily;
  role: ClassRole;
  /** Registered or injected through `@nestjs/bullmq` or `@nestjs/bull`. */
  nest: boolean;
}

type ClassTable = Record<
  string,
  Record<string, { family: QueueFamily; role: ClassRole }>
>;

const bullmq = (role: ClassRole) => ({ family: 'bullmq' as const, role });

const CLASSES: ClassTable = {
  bullmq: {
    Queue: bullmq('queue'),
    Worker: bullmq('worker'),
    QueueEvents: bullmq('events'),
    FlowProducer: bullmq('flow'),
  },
  '@taskforcesh/bullmq-pro': {
    QueuePro: bullmq('queue'),
    WorkerPro: bullmq('worker'),
    QueueEventsPro: bullmq('events'),
    FlowProducerPro: bullmq('flow'),
  },
  bull: { default: { family: 'bull', role: 'queue' } },
  'bee-queue': { default: { family: 'bee-queue', role: 'queue' } },
};

/** Nest wrappers and the family whose API the injected object has. */
const NEST_MODULES: Record<string, QueueFamily> = {
  '@nestjs/bullmq': 'bullmq',
  '@nestjs/bull': 'bull',
};

const NEST_INJECTIONS: Record<string, ClassRole> = {
  InjectQueue: 'queue',
  InjectFlowProducer: 'flow',
};

/** Module names the analyzer recognizes, for keywords and import checks. */
export const QUEUE_MODULES: readonly string[] = [
  ...Object.keys(CLASSES),
  ...Object.keys(NEST_MODULES),
];

const QUEUE_MODULE_SET: ReadonlySet<string> = new Set(QUEUE_MODULES);

/**
 * Whether `specifier` names a queue library or one of its subpaths. Asked
 * of every import in the tree, so it is two set lookups: the specifier, and
 * its package name (`bullmq`, `@nestjs/bull`) when it has a subpath.
 */
export function isQueueModule(specifier: string): boolean {
  if (QUEUE_MODULE_SET.has(specifier)) {
    return true;
  }
  const scoped = specifier.startsWith('@');
  const slash = specifier.indexOf('/', scoped ? specifier.indexOf('/') + 1 : 0);
  return slash > 0 && QUEUE_MODULE_SET.has(specifier.slice(0, slash));
}

/** The family a Nest wrapper module stands for, if `module` is one. */
export function nestFamily(module: string): QueueFamily | undefined {
  return NEST_MODULES[module];
}

/**
 * The library class behind a resolved construction: `new Queue()` from
 * bullmq, `Bull()` called without `new`, or `InjectQueue('x')` (which is
 * what `toExpr` makes of an `@InjectQueue('x')` property).
 */
export function libraryTarget(expr: Expr): LibraryTarget | undefined {
  if (expr.k !== 'new' && expr.k !== 'call') {
    return undefined;
  }
  const callee = expr.callee;
  if (callee.k !== 'ext') {
    return undefined;
  }
  const name = exportName(callee);
  const family = nestFamily(callee.module);
  if (family) {
    const role = expr.k === 'call' ? NEST_INJECTIONS[name] : undefined;
    return role ? { family, role, nest: true } : undefined;
  }
  const found = CLASSES[callee.module]?.[name];
  // Only Bull's factory may be called without `new`.
  if (!found || (expr.k === 'call' && found.family !== 'bull')) {
    return undefined;
  }
  return { ...found, nest: false };
}

/** `bullmq.Queue`, `require('bullmq').Queue` and `import * as Bull` alike. */
function exportName(callee: Extract<Expr, { k: 'ext' }>): string {
  const last = callee.path[callee.path.length - 1];
  if (last !== undefined) {
    return last;
  }
  return callee.name === '*' ? 'default' : callee.name;
}

/** The library value reported for a queue of `family`. */
export function libraryOf(family: QueueFamily, nest: boolean): QueueLibrary {
  if (nest && family === 'bullmq') {
    return 'nestjs-bullmq';
  }
  if (nest && family === 'bull') {
    return 'nestjs-bull';
  }
  return family;
}
