import pino from 'pino';
import type { Logger } from 'pino';
import { registry } from '../analyzers/registry.js';
import type { Analyzer, FileItems } from '../analyzers/types.js';
import { createExportGate } from '../facts/export-gate.js';
import { FactExtractor, messageOf } from '../facts/extract-file-facts.js';
import type { FactCache } from '../facts/fact-cache.js';
import { ANALYZER_VERSION, factCacheKey } from '../facts/fact-cache.js';
import {
  createModuleResolver,
  readPathAliases,
} from '../facts/module-resolver.js';
import { workspaceAliases } from '../facts/workspace-aliases.js';
import type { CandidateTest } from '../facts/candidate-test.js';
import { createCandidateTest } from '../facts/candidate-test.js';
import { Resolver } from '../facts/resolver.js';
import type { FileFacts } from '../facts/types.js';
import { emptyModel } from '../model/empty-model.js';
import type { ArchitectureModel, SkippedFile } from '../model/types.js';
import type { ContentLimits } from '../source/inspect-content.js';
import {
  DEFAULT_CONTENT_LIMITS,
  inspectText,
} from '../source/inspect-content.js';
import { isManifestPath, isSourcePath, outOfScope } from '../source/scope.js';
import type { SourceTree } from '../source/source-tree.js';
import type { AnalysisBudget } from './analysis-budget.js';
import { BudgetGuard, defaultAnalysisBudget } from './analysis-budget.js';
import type {
  ImportGraph,
  ImportGraphMemo,
  ShapeMemo,
} from './import-graph.js';
import { buildImportGraph, treeShape } from './import-graph.js';
import { mergeModelPart } from './merge-model-part.js';
import type { ScannedSource } from './scan-sources.js';
import { contentHash, scanSources } from './scan-sources.js';
import type { ModelMemo } from './model-memo.js';
import { modelKey } from './model-memo.js';
import { handsOnLibrary, importersOf } from './select-candidates.js';

export interface AnalyzeOptions {
  /** Root logger; a child with `{ analyzer }` is given to each analyzer. Default: silent. */
  log?: Logger;
  /** Per-file limits: size in bytes and bracket nesting. */
  limits?: Partial<ContentLimits>;
  /** Per-file scan and fact cache keyed by content hash. Default: none. */
  cache?: FactCache;
  /**
   * Module resolution and import edges kept between analyses of trees with
   * the same file list, such as a pull request's base and head. Default:
   * none.
   */
  graphs?: ImportGraphMemo;
  /**
   * Whole models of trees analyzed before, by a digest of every file the
   * analysis reads and its settings: a pull request's base, analyzed for an
   * earlier pull request, is not analyzed again. Used only when every file
   * has a content hash. Default: none.
   */
  models?: ModelMemo;
  /** Decides which paths are analyzed, on top of the built-in scope rules. */
  includePath?: (path: string) => boolean;
  /** Analyzers to run, in order. Default: the registry. */
  analyzers?: readonly Analyzer[];
  /**
   * Parse every in-scope file instead of only those the keyword pre-filter
   * and the wrapper walk choose. Slow; tests use it to prove the pre-filter
   * loses nothing. Default false.
   */
  parseEverything?: boolean;
  /**
   * Wall time (ms) and heap (bytes) one analysis may spend. Checked between
   * files: past it, parsing stops, the files left are skipped as
   * `budget-exceeded` and `stats.budgetExceeded` says which budget ran out.
   * Default: `defaultAnalysisBudget()` (10 minutes, 85% of V8's heap limit).
   */
  budget?: Partial<AnalysisBudget>;
}

/** Counters a caller can read after the run (benchmarks and metrics). */
export interface AnalyzeCounters {
  /** Files parsed, candidates and files read for a constant alike. */
  parsed: number;
  /** Files chosen for full extraction. */
  candidates?: number;
  cacheHits: number;
  cacheMisses: number;
}

/**
 * The whole pipeline for one tree: scope rules, pre-filter, per-file facts,
 * then each analyzer's build across files. One analyzer failing never sinks
 * the others: the failure is recorded in `stats.failedAnalyzers`.
 */
export async function analyzeTree(
  tree: SourceTree,
  options: AnalyzeOptions = {},
  counters: AnalyzeCounters = { parsed: 0, cacheHits: 0, cacheMisses: 0 },
): Promise<ArchitectureModel> {
  const started = performance.now();
  const log = options.log ?? pino({ level: 'silent' });
  const analyzers = options.analyzers ?? registry;
  const limits = { ...DEFAULT_CONTENT_LIMITS, ...options.limits };
  const model = emptyModel(tree.label);
  const skipped: SkippedFile[] = [];

  const allPaths = await tree.paths();
  const inScope = allPaths.filter(
    (path) => !outOfScope(path) && (options.includePath?.(path) ?? true),
  );
  const sourcePaths = inScope.filter(isSourcePath);
  const manifestPaths = inScope.filter(isManifestPath);
  // Aliases come from the root tsconfig.json, whatever the scope says.
  const readPaths = [...sourcePaths, ...manifestPaths, 'tsconfig.json'];
  // Trees that know content hashes, or hold their files in memory; a
  // checkout on disk would be read twice to hash it.
  const hashes =
    tree.hash && (options.cache || options.models)
      ? contentHashes(tree, readPaths)
      : undefined;
  const key =
    options.models && hashes
      ? modelKey(readPaths, (path) => hashes.get(path) ?? missing(tree, path), {
          analyzers: analyzers.map((analyzer) => analyzer.id),
          settings: [ANALYZER_VERSION, limits, !!options.parseEverything],
        })
      : undefined;
  const reused = key === undefined ? undefined : options.models?.get(key);
  if (reused) {
    reused.root = tree.label;
    reused.stats.durationMs = Math.round(performance.now() - started);
    // The same line as any analysis: the tree was analyzed before.
    log.info(
      {
        files: allPaths.length,
        parsed: 0,
        reused: true,
        queues: reused.queues.length,
        durationMs: reused.stats.durationMs,
      },
      'analysis finished',
    );
    return reused;
  }

  const prefilter = createCandidateTest({
    keywords: analyzers.flatMap((analyzer) => analyzer.keywords),
    wordKeywords: analyzers.flatMap((analyzer) => analyzer.wordKeywords ?? []),
    codeKeywords: analyzers.flatMap((analyzer) => analyzer.codeKeywords ?? []),
    guardedKeywords: analyzers.flatMap(
      (analyzer) => analyzer.guardedKeywords ?? [],
    ),
    modules: analyzers.flatMap((analyzer) => analyzer.modules ?? []),
  });
  const isCandidate: CandidateTest['isCandidate'] = options.parseEverything
    ? () => true
    : prefilter.isCandidate;
  const scanned = await scanSources(
    tree,
    sourcePaths,
    isCandidate,
    limits,
    options.cache,
    skipped,
    hashes,
  );
  for (const source of scanned) {
    counters[source.cached ? 'cacheHits' : 'cacheMisses'] += options.cache
      ? 1
      : 0;
  }

  const manifests = await readManifests(tree, manifestPaths);
  const aliases = [
    ...readPathAliases((await tree.read('tsconfig.json'))?.toString('utf8')),
    ...workspaceAliases(manifests),
  ];
  const createShape = (): ShapeMemo => ({
    resolveModule: createModuleResolver(sourcePaths, aliases),
    edges: new Map(),
  });
  const shape = options.graphs
    ? options.graphs.forShape(treeShape(sourcePaths, aliases), createShape)
    : createShape();
  const { resolveModule } = shape;
  const extractor = new FactExtractor(analyzers);
  const budget = new BudgetGuard(
    { ...defaultAnalysisBudget(), ...options.budget },
    { started },
  );
  const context: FactContext = {
    tree,
    limits,
    extractor,
    counters,
    model,
    skipped,
    log,
    budget,
    cache: options.cache,
    writes: [],
  };
  const importGraph = buildImportGraph(scanned, resolveModule, shape);
  const { candidates, factsByPath } = await collectCandidates(
    scanned,
    importGraph,
    resolveModule,
    prefilter.namesLibrary,
    context,
    options.cache,
  );

  counters.candidates = candidates.length;
  const candidateList = candidates.flatMap((source) => {
    const facts = factsByPath.get(source.path);
    return facts ? [facts] : [];
  });
  const scannedByPath = new Map(scanned.map((source) => [source.path, source]));
  const resolver = new Resolver({
    factsOf: (path) =>
      factsByPath.get(path) ??
      moduleFacts(path, scannedByPath, factsByPath, context),
    resolveModule,
    candidates: () => candidateList,
    parsedFactsOf: (path) => factsByPath.get(path),
    mayExport: createExportGate(
      {
        textOf: (path) =>
          scannedByPath.get(path)?.text ??
          tree.readSync?.(path)?.toString('utf8'),
        hashOf: (path) => scannedByPath.get(path)?.hash,
        memo: options.graphs?.exportGate,
      },
      resolveModule,
    ),
  });
  runBuilds(
    analyzers,
    candidateList,
    resolver,
    model,
    { manifests, importGraph },
    log,
  );

  // A cache that cannot be written only costs speed, never the analysis.
  await Promise.allSettled(context.writes);

  model.stats.filesSeen = allPaths.length;
  model.stats.filesScanned = scanned.length;
  model.stats.filesParsed = counters.parsed;
  model.stats.skipped = skipped.sort((a, b) => a.file.localeCompare(b.file));
  model.stats.durationMs = Math.round(performance.now() - started);
  const exceeded = budget.report();
  if (exceeded) {
    model.stats.budgetExceeded = exceeded;
    log.warn(
      { budget: exceeded },
      'analysis budget exceeded; the model is partial',
    );
  } else if (key !== undefined && model.stats.failedAnalyzers.length === 0) {
    options.models?.set(key, model);
  }
  log.info(
    {
      files: allPaths.length,
      parsed: counters.parsed,
      candidates: counters.candidates,
      queues: model.queues.length,
      skipped: skipped.length,
      durationMs: model.stats.durationMs,
    },
    'analysis finished',
  );
  return model;
}

interface FactContext {
  tree: SourceTree;
  limits: ContentLimits;
  extractor: FactExtractor;
  counters: AnalyzeCounters;
  model: ArchitectureModel;
  skipped: SkippedFile[];
  log: Logger;
  budget: BudgetGuard;
  cache: FactCache | undefined;
  /** Cache writes made while names are resolved, awaited before returning. */
  writes: Promise<void>[];
}

/** How far from a file naming a library candidacy travels through wrappers. */
const WRAPPER_HOPS = 2;

/**
 * The files worth parsing: those the pre-filter matched, then, hop by hop,
 * the files importing them. Past the first hop only wrappers that export a
 * handle on the library (a function, an instance, a re-export) pass
 * candidacy on (see `handsOnLibrary`), so a barrel or a `getQueue()` helper
 * cannot hide a producer.
 */
async function collectCandidates(
  scanned: ScannedSource[],
  graph: ImportGraph,
  resolveModule: (from: string, specifier: string) => string | undefined,
  namesLibrary: (specifier: string) => boolean,
  context: FactContext,
  cache: FactCache | undefined,
): Promise<{
  candidates: ScannedSource[];
  factsByPath: Map<string, FileFacts>;
}> {
  const candidates = scanned.filter((source) => source.scan.direct);
  const factsByPath = await candidateFacts(candidates, context, cache);
  const chosen = new Set(candidates.map((source) => source.path));
  const byPath = new Map(scanned.map((source) => [source.path, source]));
  // Hop 0: files that hand on something built from a library import.
  // A keyword may be quoted (`'NX'`) to avoid matching words, so the
  // module is tried quoted too; module keywords (`ws`) are compared whole.
  let linked = (file: string) => (module: string) =>
    !module.startsWith('.') &&
    namesLibrary(module) &&
    resolveModule(file, module) === undefined;
  let frontier = handingOn(candidates, factsByPath, linked);
  for (let hop = 0; hop < WRAPPER_HOPS && frontier.size > 0; hop++) {
    const next = importersOf(byPath, frontier, chosen, graph);
    for (const [path, facts] of await candidateFacts(next, context, cache)) {
      factsByPath.set(path, facts);
    }
    next.forEach((source) => chosen.add(source.path));
    candidates.push(...next);
    const sources = frontier;
    linked = (file) => (module) => {
      const target = resolveModule(file, module);
      return target !== undefined && sources.has(target);
    };
    frontier = handingOn(next, factsByPath, linked);
  }
  return { candidates, factsByPath };
}

function handingOn(
  sources: ScannedSource[],
  factsByPath: Map<string, FileFacts>,
  linked: (file: string) => (module: string) => boolean,
): Set<string> {
  const handing = new Set<string>();
  for (const source of sources) {
    const facts = factsByPath.get(source.path);
    if (facts && handsOnLibrary(facts, linked(source.path))) {
      handing.add(source.path);
    }
  }
  return handing;
}

/** Parses every candidate not already in the cache, and caches what it finds. */
async function candidateFacts(
  candidates: ScannedSource[],
  context: FactContext,
  cache: FactCache | undefined,
): Promise<Map<string, FileFacts>> {
  const factsByPath = new Map<string, FileFacts>();
  const writes: Promise<void>[] = [];
  for (const source of candidates) {
    if (source.scan.facts) {
      factsByPath.set(source.path, { ...source.scan.facts, file: source.path });
      continue;
    }
    const facts = parseCandidate(source, context);
    if (facts) {
      factsByPath.set(source.path, facts);
    }
    if (cache && (facts || source.scan.skip)) {
      writes.push(
        cache.set(factCacheKey(source.hash), { ...source.scan, facts }),
      );
    }
  }
  // A cache that cannot be written only costs speed, never the analysis.
  await Promise.allSettled(writes);
  return factsByPath;
}

function parseCandidate(
  source: ScannedSource,
  context: FactContext,
): FileFacts | undefined {
  const text =
    source.text ?? context.tree.readSync?.(source.path)?.toString('utf8');
  if (text === undefined) {
    context.skipped.push({ file: source.path, reason: 'unreadable' });
    return undefined;
  }
  if (!context.budget.allows(source.path)) {
    context.skipped.push({ file: source.path, reason: 'budget-exceeded' });
    return undefined;
  }
  const inspected = inspectText(text, context.limits);
  if ('skip' in inspected) {
    source.scan.skip = inspected.skip;
    context.skipped.push({ file: source.path, reason: inspected.skip });
    return undefined;
  }
  context.counters.parsed++;
  const result = context.extractor.extract(source.path, text);
  if ('skip' in result) {
    context.log.debug(
      { file: source.path, reason: result.skip, detail: result.message },
      'file skipped',
    );
    source.scan.skip = result.skip;
    context.skipped.push({ file: source.path, reason: result.skip });
    return undefined;
  }
  for (const failure of result.failures) {
    context.log.warn(
      { analyzer: failure.analyzer, file: failure.file, err: failure.message },
      'extract failed',
    );
    context.model.stats.failedAnalyzers.push({
      analyzer: failure.analyzer,
      message: `${failure.file}: ${failure.message}`,
    });
  }
  return result.facts;
}

/**
 * Files outside the candidates are parsed on demand, imports and bindings
 * only, when a constant, config object or helper they export is needed.
 */
function moduleFacts(
  path: string,
  scanned: Map<string, ScannedSource>,
  factsByPath: Map<string, FileFacts>,
  context: FactContext,
): FileFacts | undefined {
  const source = scanned.get(path);
  if (!source || source.scan.direct) {
    return undefined;
  }
  if (source.scan.moduleFacts) {
    const facts = { ...source.scan.moduleFacts, file: path };
    factsByPath.set(path, facts);
    return facts;
  }
  if (!context.budget.allows(path)) {
    return undefined;
  }
  const text = source.text ?? context.tree.readSync?.(path)?.toString('utf8');
  if (text === undefined || 'skip' in inspectText(text, context.limits)) {
    return undefined;
  }
  context.counters.parsed++;
  const result = context.extractor.extract(path, text, true);
  const facts = 'facts' in result ? result.facts : undefined;
  if (facts) {
    factsByPath.set(path, facts);
    if (context.cache && source.hash !== '') {
      source.scan.moduleFacts = facts;
      context.writes.push(
        context.cache.set(factCacheKey(source.hash), source.scan),
      );
    }
  }
  return facts;
}

/** Manifests are small; anything over 1 MiB is not one we can use. */
async function readManifests(
  tree: SourceTree,
  paths: string[],
): Promise<Map<string, string>> {
  const manifests = new Map<string, string>();
  for (const path of paths) {
    const bytes = await tree.read(path);
    if (bytes && bytes.length <= 1024 * 1024) {
      manifests.set(path, bytes.toString('utf8'));
    }
  }
  return manifests;
}

function runBuilds(
  analyzers: readonly Analyzer[],
  allFacts: FileFacts[],
  resolver: Resolver,
  model: ArchitectureModel,
  trees: { manifests: ReadonlyMap<string, string>; importGraph: ImportGraph },
  log: Logger,
): void {
  for (const analyzer of analyzers) {
    const facts: FileItems<unknown>[] = [];
    for (const file of allFacts) {
      const items = file.items[analyzer.id];
      if (items && items.length > 0) {
        facts.push({ file: file.file, items });
      }
    }
    const child = log.child({ analyzer: analyzer.id });
    try {
      const part = analyzer.build({
        facts,
        allFacts,
        resolver,
        model,
        ...trees,
        log: child,
      });
      mergeModelPart(model, part);
    } catch (error) {
      child.warn({ err: error }, 'analyzer failed; the report is partial');
      model.stats.failedAnalyzers.push({
        analyzer: analyzer.id,
        message: messageOf(error),
      });
    }
  }
}

/** Content hashes of the files that have one (all, for a tree in memory). */
function contentHashes(
  tree: SourceTree,
  paths: readonly string[],
): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const path of paths) {
    const hash = contentHash(tree, path);
    if (hash !== undefined) {
      hashes.set(path, hash);
    }
  }
  return hashes;
}

/**
 * The key's stand-in for a file without a hash: a missing root
 * tsconfig.json is a fact like any other; any other file without one makes
 * the tree unkeyable.
 */
function missing(tree: SourceTree, path: string): string | undefined {
  return path === 'tsconfig.json' && tree.size(path) === undefined
    ? 'absent'
    : undefined;
}
