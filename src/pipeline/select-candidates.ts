import type { Expr } from '../facts/expr.js';
import type { FileFacts } from '../facts/types.js';
import type { ImportGraph } from './import-graph.js';
import type { ScannedSource } from './scan-sources.js';

/**
 * Files not yet chosen that import one of `sources`. This is what keeps a
 * wrapper module from hiding the library: `import { emailQueue } from
 * './queues'` names no library, yet `emailQueue.add()` is a producer.
 */
export function importersOf(
  byPath: ReadonlyMap<string, ScannedSource>,
  sources: ReadonlySet<string>,
  chosen: ReadonlySet<string>,
  graph: ImportGraph,
): ScannedSource[] {
  const found = new Map<string, ScannedSource>();
  for (const source of sources) {
    for (const importer of graph.importersOf(source)) {
      const scanned = byPath.get(importer);
      if (scanned && !chosen.has(importer)) {
        found.set(importer, scanned);
      }
    }
  }
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Whether a parsed file passes candidacy on to its own importers: it
 * re-exports from a module `linked` accepts, or it exports a value built
 * from something imported from one (`export const getQueue = () =>
 * createQueue(...)`). Requiring that link keeps the walk out from the
 * library to the code that really hands it on, instead of every module that
 * merely mentions Redis in a comment.
 */
export function handsOnLibrary(
  facts: FileFacts,
  linked: (module: string) => boolean,
): boolean {
  if (facts.reExports.some((reExport) => linked(reExport.module))) {
    return true;
  }
  const names = new Set(
    facts.imports
      .filter((fact) => linked(fact.module))
      .map((fact) => fact.local),
  );
  if (names.size === 0) {
    return false;
  }
  return Object.values(facts.exports).some((local) => {
    const binding = facts.bindings[local];
    return binding !== undefined && refersTo(binding, names, 0);
  });
}

/** Whether an expression names one of `names`, looking a few levels deep. */
function refersTo(
  expr: Expr,
  names: ReadonlySet<string>,
  depth: number,
): boolean {
  if (depth > 12) {
    return false;
  }
  const next = (child: Expr | null | undefined): boolean =>
    child !== null && child !== undefined && refersTo(child, names, depth + 1);
  switch (expr.k) {
    case 'ref':
      return names.has(expr.name);
    case 'call':
    case 'new':
      return next(expr.callee) || expr.args.some(next);
    case 'fn':
      return next(expr.body);
    case 'class':
      return next(expr.extends) || (expr.superArgs ?? []).some(next);
    case 'member':
      return next(expr.of);
    case 'each':
      return next(expr.of);
    case 'tpl':
      return expr.parts.some(next);
    case 'bin':
      return next(expr.left) || next(expr.right);
    case 'arr':
      return expr.items.some(next);
    case 'obj':
      return (
        expr.props.some(([, value]) => next(value)) || expr.spreads.some(next)
      );
    default:
      return false;
  }
}
