import type { ScannedSource } from './scan-sources.js';

/**
 * The files worth parsing: those the pre-filter matched, plus those that
 * import one of them. The second step is what keeps a wrapper module from
 * hiding the library: `import { emailQueue } from './queues'` names no
 * library, yet `emailQueue.add()` is a producer.
 */
export function selectCandidates(
  scanned: ScannedSource[],
  resolveModule: (from: string, specifier: string) => string | undefined,
): ScannedSource[] {
  const direct = new Set(scanned.filter((source) => source.scan.direct).map((s) => s.path));
  return scanned.filter(
    (source) =>
      source.scan.direct ||
      source.scan.specifiers.some((specifier) => {
        const target = resolveModule(source.path, specifier);
        return target !== undefined && direct.has(target);
      }),
  );
}
