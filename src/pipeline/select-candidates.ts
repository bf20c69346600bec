import type { FileFacts } from '../facts/types.js';
import type { ScannedSource } from './scan-sources.js';

/**
 * Files not yet chosen that import one of `sources`. This is what keeps a
 * wrapper module from hiding the library: `import { emailQueue } from
 * './queues'` names no library, yet `emailQueue.add()` is a producer.
 */
export function importersOf(
  scanned: ScannedSource[],
  sources: ReadonlySet<string>,
  chosen: ReadonlySet<string>,
  resolveModule: (from: string, specifier: string) => string | undefined,
): ScannedSource[] {
  return scanned.filter(
    (source) =>
      !chosen.has(source.path) &&
      source.scan.specifiers.some((specifier) => {
        const target = resolveModule(source.path, specifier);
        return target !== undefined && sources.has(target);
      }),
  );
}

/**
 * Whether a parsed wrapper exports something a caller can use to reach the
 * library: a function, a constructed object, a class, or a re-export. Only
 * such files pass candidacy on to their own importers, which bounds the
 * walk out from the library to the code that really uses it.
 */
export function exportsLibraryHandle(facts: FileFacts): boolean {
  if (facts.reExports.length > 0) {
    return true;
  }
  return Object.values(facts.exports).some((local) => {
    const kind = facts.bindings[local]?.k;
    return kind === 'fn' || kind === 'new' || kind === 'call' || kind === 'class';
  });
}
