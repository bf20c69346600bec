import type { ScannedSource } from './scan-sources.js';

/** Who imports whom among the tree's source files, from the text scan. */
export interface ImportGraph {
  /** Files that import, re-export or load `path`. */
  importersOf(path: string): readonly string[];
  /** Local files `path` imports, re-exports or loads. */
  importsOf(path: string): readonly string[];
}

/**
 * Built from the import specifiers every file's scan records, so it covers
 * the whole tree without parsing anything.
 */
export function buildImportGraph(
  scanned: readonly ScannedSource[],
  resolveModule: (from: string, specifier: string) => string | undefined,
): ImportGraph {
  const importers = new Map<string, string[]>();
  const imports = new Map<string, string[]>();
  for (const source of scanned) {
    const targets = new Set<string>();
    for (const specifier of source.scan.specifiers) {
      const target = resolveModule(source.path, specifier);
      if (target !== undefined && target !== source.path) {
        targets.add(target);
      }
    }
    imports.set(source.path, [...targets]);
    for (const target of targets) {
      const list = importers.get(target) ?? [];
      list.push(source.path);
      importers.set(target, list);
    }
  }
  return {
    importersOf: (path) => importers.get(path) ?? [],
    importsOf: (path) => imports.get(path) ?? [],
  };
}
