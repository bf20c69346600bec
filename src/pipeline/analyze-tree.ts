import pino from 'pino';
import type { Logger } from 'pino';
import { registry } from '../analyzers/registry.js';
import type { Analyzer, FileItems } from '../analyzers/types.js';
import type { GateSource } from '../facts/export-gate.js';
import { createExportGate, createReExportGate } from '../facts/export-gate.js';
import { FactExtractor, messageOf } from '../facts/extract-file-facts.js';
import type { FactCache } from '../facts/fact-cache.js';
import { ANALYZER_VERSION } from '../facts/fact-cache.js';
import {
  createModuleResolver,
  readPathAliases,
} from '../facts/module-resolver.js';
import { workspaceAliases } from '../facts/workspace-aliases.js';
import type { CandidateTest } from '../facts/candidate-test.js';
import {
  createCandidateTest,
  prefilterSpecOf,
} from '../facts/candidate-test.js';
import { Resolver } from '../facts/resolver.js';
import type { FileFacts } from '../facts/types.js';
import { emptyModel } from '../model/empty-model.js';
import type { ArchitectureModel, SkippedFile } from '../model/types.js';
import type { ContentLimits } from '../source/inspect-content.js';
import { DEFAULT_CONTENT_LIMITS } from '../source/inspect-content.js';
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
import { contentHashes, missingHash, scanSources } from './scan-sources.js';
import type { FactContext } from './candidate-facts.js';
import { collectCandidates, moduleFacts } from './candidate-facts.js';
import type { ModelMemo } from './model-memo.js';
import { modelKey } from './model-memo.js';

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
      ? modelKey(
          readPaths,
          (path) => hashes.get(path) ?? missingHash(tree, path),
          {
            analyzers: analyzers.map((analyzer) => analyzer.id),
            settings: [ANALYZER_VERSION, limits, !!options.parseEverything],
          },
        )
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

  const prefilter = createCandidateTest(prefilterSpecOf(analyzers));
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
  );

  counters.candidates = candidates.length;
  const candidateList = candidates.flatMap((source) => {
    const facts = factsByPath.get(source.path);
    return facts ? [facts] : [];
  });
  const scannedByPath = new Map(scanned.map((source) => [source.path, source]));
  const gateSource: GateSource = {
    textOf: (path) =>
      scannedByPath.get(path)?.text ?? tree.readSync(path)?.toString('utf8'),
    hashOf: (path) => scannedByPath.get(path)?.hash,
    memo: options.graphs?.exportGate,
  };
  const resolver = new Resolver({
    factsOf: (path) =>
      factsByPath.get(path) ??
      moduleFacts(path, scannedByPath, factsByPath, context),
    resolveModule,
    candidates: () => candidateList,
    parsedFactsOf: (path) => factsByPath.get(path),
    leadingTo: (path) => importGraph.leadingTo(path),
    mayExport: createExportGate(gateSource, resolveModule),
    mayReExport: createReExportGate(gateSource),
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
