import type { Resolver } from '../../facts/resolver.js';
import type { FileFacts } from '../../facts/types.js';
import type { ImportGraph } from '../../pipeline/import-graph.js';

/** Imports are followed this many steps from an entry. */
export const MAX_IMPORT_DEPTH = 6;

/** Files visited from one entry at most, so a huge graph stays cheap. */
const MAX_FILES = 2000;

/** What an entry loads, and which names of each file it uses. */
export interface Reach {
  files: Set<string>;
  /** file -> top-level names some reached file imports from it. */
  used: Map<string, Set<string>>;
  /** Files whose every export may run: the entry, namespace and dynamic imports. */
  everything: Set<string>;
}

/** How much of what an entry reaches is taken to run. */
export interface ReachMode {
  /** The entry runs all of its own functions (a command runs it). Default true. */
  declared?: boolean;
  /**
   * Only what loading runs (a library's `main`, a file no manifest starts):
   * a namespace or dynamic import of a module does not make its functions
   * run. A library that keeps `require('./commands/start')` inside a
   * function for later is not a web server. Default false.
   */
  loadOnly?: boolean;
}

/**
 * Follows an entry's local imports, re-exports and loads (bounded depth),
 * recording which names are imported, so a worker built inside a function
 * counts only for the processes that import that function. A declared
 * entry is taken to run all of its own functions; a guessed one
 * (`declared: false`) only what runs when it is loaded.
 */
export function reachImports(
  entry: string,
  walk: ReachWalk,
  { declared = true, loadOnly = false }: ReachMode = {},
): Reach {
  const everything = new Set(declared ? [entry] : []);
  const reach: Reach = { files: new Set([entry]), used: new Map(), everything };
  let frontier = [entry];
  for (
    let depth = 0;
    depth < MAX_IMPORT_DEPTH && frontier.length > 0;
    depth++
  ) {
    const next: string[] = [];
    for (const file of frontier) {
      for (const target of visitFile(file, walk, reach, loadOnly)) {
        if (!reach.files.has(target) && reach.files.size < MAX_FILES) {
          reach.files.add(target);
          next.push(target);
        }
      }
    }
    frontier = next;
  }
  return reach;
}

/** What the walk reads: the tree's import graph, and facts where names matter. */
export interface ReachWalk {
  resolver: Resolver;
  graph: ImportGraph;
  /** Files whose imported names matter: signal files and their importers. */
  namesMatter: ReadonlySet<string>;
  /**
   * Signal files and every file that imports one, directly or not: a name
   * followed into any other file can never reach a signal, so that file is
   * not parsed to find where the name is bound.
   */
  leadsToSignal: ReadonlySet<string>;
  /**
   * What each visited file uses of the files whose names matter, kept for
   * the whole build: every entry of a monorepo walks the same shared
   * packages, and resolving their imports again per entry was most of the
   * analyzer's time.
   */
  uses?: Map<string, readonly FileUse[]>;
  /** The same for load-only walks, which parse the files they visit. */
  readUses?: Map<string, readonly FileUse[]>;
  /**
   * Signal files with a signal inside a function or class: whether it runs
   * depends on what the importers use, so a load-only walk reads them.
   */
  runWhenCalled: ReadonlySet<string>;
}

/** A top-level name one file uses of another, or the whole file when `local` is absent. */
interface FileUse {
  file: string;
  local?: string;
  /**
   * The whole file is held as a namespace or loaded dynamically: any of its
   * functions may be called later, none is called by loading it.
   */
  held?: true;
}

/**
 * Local modules `file` points to, from the import graph, after recording
 * what it uses of the files whose names matter.
 */
function visitFile(
  file: string,
  walk: ReachWalk,
  reach: Reach,
  loadOnly: boolean,
): readonly string[] {
  const targets = walk.graph.importsOf(file);
  if (!targets.some((target) => walk.namesMatter.has(target))) {
    return targets;
  }
  // Load-only walks read the file: taking an unread file to use all it
  // imports would make a library's `main` run every command its barrels
  // list.
  const known = loadOnly
    ? (walk.readUses ??= new Map<string, readonly FileUse[]>())
    : (walk.uses ??= new Map<string, readonly FileUse[]>());
  let uses = known.get(file);
  if (!uses) {
    uses = usesOf(file, targets, walk, loadOnly);
    known.set(file, uses);
  }
  for (const use of uses) {
    if (use.local === undefined) {
      if (!(loadOnly && use.held)) {
        reach.everything.add(use.file);
      }
    } else {
      const names = reach.used.get(use.file) ?? new Set<string>();
      names.add(use.local);
      reach.used.set(use.file, names);
    }
  }
  return targets;
}

/**
 * What `file` uses of the files whose names matter. Its facts are read only
 * if it was parsed already: parsing every importer of a widely imported
 * module cost seconds on a large monorepo, so a file not parsed is taken to
 * use all it imports. With `read` (a load-only walk), a file importing a
 * signal that runs only when called is parsed instead.
 */
function usesOf(
  file: string,
  targets: readonly string[],
  walk: ReachWalk,
  read: boolean,
): FileUse[] {
  const { resolver } = walk;
  // Reading matters only where a whole-file use would change a verdict.
  const mustRead = read && targets.some((t) => walk.runWhenCalled.has(t));
  const facts = mustRead
    ? resolver.factsOf(file)
    : resolver.parsedFactsOf(file);
  if (!facts) {
    return targets
      .filter((target) => walk.namesMatter.has(target))
      .map((target) => ({ file: target }));
  }
  const uses: FileUse[] = [];
  for (const fact of facts.imports) {
    const target = resolver.resolveModule(file, fact.module);
    if (target !== undefined && walk.namesMatter.has(target)) {
      markUsed(target, fact.imported, walk, uses, 0);
    }
  }
  for (const load of facts.loads ?? []) {
    const target = resolver.resolveModule(file, load.module);
    if (target !== undefined && load.dynamic) {
      uses.push({ file: target, held: true });
    }
  }
  return uses;
}

/** Local modules a file re-exports from, so barrels are walked through. */
export function reExportTargets(
  file: string,
  facts: FileFacts,
  resolver: Resolver,
): string[] {
  return facts.reExports
    .map((reExport) => resolver.resolveModule(file, reExport.module))
    .filter((target): target is string => target !== undefined);
}

/** Finds the binding behind export `name` of `file`, through re-exports. */
function markUsed(
  file: string,
  name: string,
  walk: ReachWalk,
  uses: FileUse[],
  depth: number,
): void {
  if (!walk.leadsToSignal.has(file)) {
    return;
  }
  if (name === '*') {
    uses.push({ file, held: true });
    return;
  }
  const { resolver } = walk;
  // Bound in this file, whose signals (if any) run whatever is used of it:
  // parsing it could change no verdict.
  if (!walk.runWhenCalled.has(file) && !resolver.mayReExport(file)) {
    return;
  }
  const facts = resolver.factsOf(file);
  if (!facts || depth > MAX_IMPORT_DEPTH) {
    return;
  }
  const local = facts.exports[name];
  if (local !== undefined) {
    uses.push({ file, local });
    return;
  }
  for (const reExport of facts.reExports) {
    const inner = reExport.names ? reExport.names[name] : name;
    const target =
      inner === undefined
        ? undefined
        : resolver.resolveModule(file, reExport.module);
    // Through `export *`, a member that cannot hold the name is not parsed.
    const suspect =
      reExport.names !== undefined ||
      (target !== undefined && resolver.mayExport(target, name));
    if (target !== undefined && inner !== undefined && suspect) {
      markUsed(target, inner, walk, uses, depth + 1);
    }
  }
}
