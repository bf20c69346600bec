import type { Expr } from '../../facts/expr.js';
import type { Resolver } from '../../facts/resolver.js';
import type { FileFacts } from '../../facts/types.js';
import type { ImportGraph } from '../../pipeline/import-graph.js';

/** Whether a module specifier belongs to the library in question. */
export type ModuleTest = (module: string) => boolean;

export const isAmqpModule: ModuleTest = (module) =>
  module === 'amqplib' ||
  module.startsWith('amqplib/') ||
  module === 'amqp-connection-manager';

export const isAwsSqsModule: ModuleTest = (module) =>
  module === 'aws-sdk' ||
  module.startsWith('aws-sdk/') ||
  module === '@aws-sdk/client-sqs';

/**
 * Which files use a library: those that import it, and those that import
 * something from a local module that does (a `rabbit.ts` exporting the
 * channel). Like the pre-filter, this looks one step deep; a namespace
 * import of the wrapper (`import * as rabbit`) is not followed.
 */
export function libraryUsers(
  allFacts: readonly FileFacts[],
  resolver: Resolver,
  test: ModuleTest,
  graph: ImportGraph,
): (file: string) => boolean {
  const direct = new Set(
    allFacts
      .filter((facts) => facts.imports.some((imp) => test(imp.module)))
      .map((f) => f.file),
  );
  // What a local import resolves to lives in the imported file or in what
  // it imports in turn: only a module leading to a direct user can hand
  // on the library, and nothing else is parsed to find out.
  const leading = graph.reaching(test);
  const byFile = new Map(allFacts.map((facts) => [facts.file, facts]));
  const known = new Map<string, boolean>();

  return (file) => {
    if (direct.has(file)) {
      return true;
    }
    const cached = known.get(file);
    if (cached !== undefined) {
      return cached;
    }
    const imports = byFile.get(file)?.imports ?? [];
    const uses = imports.some((imp) => {
      const target = resolver.resolveModule(file, imp.module);
      if (target === undefined || !leading.has(target)) {
        return false;
      }
      const ref: Expr = {
        k: 'ref',
        name: imp.local,
        path: [],
        text: imp.local,
        line: imp.line,
      };
      const origin = resolver.resolve(ref, file).file;
      return origin !== undefined && direct.has(origin);
    });
    known.set(file, uses);
    return uses;
  };
}
