import { createHash } from 'node:crypto';
import { ExportGateMemo } from '../facts/export-gate.js';
import type { ScannedSource } from './scan-sources.js';

/** Who imports whom among the tree's source files, from the text scan. */
export interface ImportGraph {
  /** Files that import, re-export or load `path`. */
  importersOf(path: string): readonly string[];
  /** Local files `path` imports, re-exports or loads. */
  importsOf(path: string): readonly string[];
  /**
   * Files naming a module that passes `test` in an import, re-export or
   * load, and every file importing one of them, directly or not: the only
   * files through which a value from that module can travel.
   */
  reaching(test: (specifier: string) => boolean): ReadonlySet<string>;
  /** `path` and every file importing it, directly or not. */
  leadingTo(path: string): ReadonlySet<string>;
}

/** One file's resolved imports, valid while its content and the tree's file list hold. */
export interface ImportEdges {
  hash: string;
  targets: string[];
}

/**
 * Built from the import specifiers every file's scan records, so it covers
 * the whole tree without parsing anything. `memo` holds what an earlier
 * tree with the same file list gave: its whole graph, reused when no file's
 * imports changed (a pull request that edits code but not imports), else
 * its edges, so only the files whose content changed are resolved again.
 */
export function buildImportGraph(
  scanned: readonly ScannedSource[],
  resolveModule: (from: string, specifier: string) => string | undefined,
  memo?: Pick<ShapeMemo, 'edges' | 'last'>,
): ImportGraph {
  if (memo?.last && sameImports(memo.last.sources, scanned)) {
    return memo.last.graph;
  }
  const graph = freshImportGraph(scanned, resolveModule, memo?.edges);
  if (memo) {
    // Hashes and specifiers only: a memo must not hold the tree's text.
    memo.last = {
      graph,
      sources: new Map(
        scanned.map(({ path, hash, scan }) => [
          path,
          { hash, specifiers: scan.specifiers },
        ]),
      ),
    };
  }
  return graph;
}

/** Whether `scanned` imports exactly what `before` did, file for file. */
function sameImports(
  before: ReadonlyMap<string, FileImports>,
  scanned: readonly ScannedSource[],
): boolean {
  if (before.size !== scanned.length) {
    return false;
  }
  return scanned.every((source) => {
    const held = before.get(source.path);
    if (!held) {
      return false;
    }
    if (source.hash !== '' && held.hash === source.hash) {
      return true;
    }
    const a = held.specifiers;
    const b = source.scan.specifiers;
    return (
      a.length === b.length && a.every((specifier, i) => specifier === b[i])
    );
  });
}

function freshImportGraph(
  scanned: readonly ScannedSource[],
  resolveModule: (from: string, specifier: string) => string | undefined,
  remembered?: Map<string, ImportEdges>,
): ImportGraph {
  const importers = new Map<string, string[]>();
  const imports = new Map<string, string[]>();
  for (const source of scanned) {
    const known = remembered?.get(source.path);
    const targets =
      known && source.hash !== '' && known.hash === source.hash
        ? known.targets
        : resolveTargets(source, resolveModule);
    if (remembered && source.hash !== '' && known?.targets !== targets) {
      remembered.set(source.path, { hash: source.hash, targets });
    }
    imports.set(source.path, targets);
    for (const target of targets) {
      const list = importers.get(target);
      if (list) {
        list.push(source.path);
      } else {
        importers.set(target, [source.path]);
      }
    }
  }
  const importersOf = (path: string) => importers.get(path) ?? [];
  // The graph outlives the analysis in a memo: it keeps the specifiers, not
  // the scanned sources and their text.
  const specifiersOf = scanned.map(
    ({ path, scan }) => [path, scan.specifiers] as const,
  );
  let bySpecifier: Map<string, string[]> | undefined;
  const leading = new Map<string, ReadonlySet<string>>();
  const reachedBy = new Map<
    (specifier: string) => boolean,
    ReadonlySet<string>
  >();
  return {
    importersOf,
    importsOf: (path) => imports.get(path) ?? [],
    reaching: (test) => {
      const known = reachedBy.get(test);
      if (known) {
        return known;
      }
      // Each distinct specifier is tested once, not once per file naming it.
      bySpecifier ??= filesBySpecifier(specifiersOf);
      const reached = new Set<string>();
      for (const [specifier, files] of bySpecifier) {
        if (test(specifier)) {
          files.forEach((file) => reached.add(file));
        }
      }
      const closure = closureOfImporters(reached, importersOf);
      reachedBy.set(test, closure);
      return closure;
    },
    leadingTo: (path) => {
      const known = leading.get(path);
      if (known) {
        return known;
      }
      const reached = closureOfImporters([path], importersOf);
      leading.set(path, reached);
      return reached;
    },
  };
}

/** `start` and every file importing one of them, directly or not. */
function closureOfImporters(
  start: Iterable<string>,
  importersOf: (path: string) => readonly string[],
): Set<string> {
  const reached = new Set(start);
  const stack = [...reached];
  while (stack.length > 0) {
    for (const importer of importersOf(stack.pop() as string)) {
      if (!reached.has(importer)) {
        reached.add(importer);
        stack.push(importer);
      }
    }
  }
  return reached;
}

function filesBySpecifier(
  specifiersOf: readonly (readonly [string, readonly string[]])[],
): Map<string, string[]> {
  const files = new Map<string, string[]>();
  for (const [path, specifiers] of specifiersOf) {
    for (const specifier of specifiers) {
      const list = files.get(specifier);
      // A file naming a module twice is listed twice; `reaching` dedupes.
      if (list) {
        list.push(path);
      } else {
        files.set(specifier, [path]);
      }
    }
  }
  return files;
}

function resolveTargets(
  source: ScannedSource,
  resolveModule: (from: string, specifier: string) => string | undefined,
): string[] {
  const targets = new Set<string>();
  for (const specifier of source.scan.specifiers) {
    const target = resolveModule(source.path, specifier);
    if (target !== undefined && target !== source.path) {
      targets.add(target);
    }
  }
  return [...targets];
}

/** What stays true for every tree with the same source files and aliases. */
export interface ShapeMemo {
  resolveModule: (from: string, specifier: string) => string | undefined;
  edges: Map<string, ImportEdges>;
  /** The graph last built for this shape, and the imports it was built from. */
  last?: {
    graph: ImportGraph;
    sources: ReadonlyMap<string, FileImports>;
  };
}

/** What a file imported when a graph was built: enough to tell it is unchanged. */
interface FileImports {
  hash: string;
  specifiers: readonly string[];
}

/**
 * Module resolution and import edges remembered between analyses, keyed by
 * the tree's shape: its source paths and path aliases. A pull request's head
 * usually has its base's shape, so only the files it changed are resolved
 * again. A tree of another shape starts afresh: an added file can change
 * what any specifier resolves to. Held in memory, least recently used first
 * out.
 */
export class ImportGraphMemo {
  private readonly shapes = new Map<string, ShapeMemo>();
  /** What the export gate read of file contents, for any shape. */
  readonly exportGate = new ExportGateMemo();

  /** @param maxShapes shapes kept. Default 8. */
  constructor(private readonly maxShapes = 8) {}

  /** The memo for `shape`, made with `create` when it is new. */
  forShape(shape: string, create: () => ShapeMemo): ShapeMemo {
    const held = this.shapes.get(shape);
    if (held) {
      this.shapes.delete(shape);
      this.shapes.set(shape, held);
      return held;
    }
    const made = create();
    this.shapes.set(shape, made);
    if (this.shapes.size > this.maxShapes) {
      const oldest = this.shapes.keys().next().value;
      if (oldest !== undefined) {
        this.shapes.delete(oldest);
      }
    }
    return made;
  }
}

/** A digest of the inputs module resolution depends on. */
export function treeShape(
  sourcePaths: readonly string[],
  aliases: unknown,
): string {
  const hash = createHash('sha1').update(JSON.stringify(aliases));
  for (const path of [...sourcePaths].sort()) {
    hash.update('\n').update(path);
  }
  return hash.digest('hex');
}
