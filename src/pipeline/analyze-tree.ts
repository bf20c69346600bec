import pino from 'pino';
import type { Logger } from 'pino';
import { registry } from '../analyzers/registry.js';
import type { Analyzer, FileItems } from '../analyzers/types.js';
import { FactExtractor, messageOf } from '../facts/extract-file-facts.js';
import type { FactCache } from '../facts/fact-cache.js';
import { factCacheKey, gitBlobSha } from '../facts/fact-cache.js';
import { createModuleResolver, readPathAliases } from '../facts/module-resolver.js';
import { buildPrefilter, scanImportSpecifiers } from '../facts/prefilter.js';
import { Resolver } from '../facts/resolver.js';
import type { FileFacts } from '../facts/types.js';
import { emptyModel } from '../model/empty-model.js';
import type { ArchitectureModel, SkippedFile } from '../model/types.js';
import type { ContentLimits } from '../source/inspect-content.js';
import { DEFAULT_CONTENT_LIMITS, inspectContent } from '../source/inspect-content.js';
import { isManifestPath, isSourcePath, outOfScope } from '../source/scope.js';
import type { SourceTree } from '../source/source-tree.js';
import { mergeModelPart } from './merge-model-part.js';

export interface AnalyzeOptions {
  /** Root logger; a child with `{ analyzer }` is given to each analyzer. Default: silent. */
  log?: Logger;
  /** Per-file limits: size in bytes and bracket nesting. */
  limits?: Partial<ContentLimits>;
  /** Per-file fact cache keyed by content hash. Default: none. */
  cache?: FactCache;
  /** Decides which paths are analyzed, on top of the built-in scope rules. */
  includePath?: (path: string) => boolean;
  /** Analyzers to run, in order. Default: the registry. */
  analyzers?: readonly Analyzer[];
}

/** Counters a caller can read after the run (benchmarks and metrics). */
export interface AnalyzeCounters {
  parsed: number;
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
  const texts = new Map<string, string>();
  const hashes = new Map<string, string>();
  await readSources(tree, sourcePaths, limits, texts, hashes, skipped);

  const resolveModule = createModuleResolver(
    sourcePaths,
    readPathAliases(await readText(tree, 'tsconfig.json')),
  );
  const candidates = selectCandidates(texts, analyzers, resolveModule);

  const extractor = new FactExtractor(analyzers);
  const factsByPath = new Map<string, FileFacts>();
  for (const path of candidates) {
    const text = texts.get(path);
    if (text === undefined) {
      continue;
    }
    const inspected = inspectContent(Buffer.from(text), limits);
    if ('skip' in inspected) {
      skipped.push({ file: path, reason: inspected.skip });
      continue;
    }
    const facts = await factsFor(path, text, hashes.get(path), extractor, options.cache, counters, model, skipped, log);
    if (facts) {
      factsByPath.set(path, facts);
    }
  }

  // Files outside the candidates are parsed on demand when a constant,
  // config object or helper they export is needed to resolve a name.
  const lazyFacts = (path: string): FileFacts | undefined => {
    const known = factsByPath.get(path);
    if (known) {
      return known;
    }
    const text = texts.get(path);
    if (text === undefined || candidates.has(path)) {
      return undefined;
    }
    const inspected = inspectContent(Buffer.from(text), limits);
    const result = 'skip' in inspected ? undefined : extractor.extract(path, text, true);
    const facts = result && 'facts' in result ? result.facts : undefined;
    counters.parsed++;
    if (facts) {
      factsByPath.set(path, facts);
    }
    return facts;
  };
  const resolver = new Resolver({ factsOf: lazyFacts, resolveModule });

  const candidateFacts = [...candidates].flatMap((path) => {
    const facts = factsByPath.get(path);
    return facts ? [facts] : [];
  });
  const manifests = await readManifests(tree, inScope.filter(isManifestPath));
  runBuilds(analyzers, candidateFacts, resolver, model, manifests, log);

  model.stats.filesSeen = allPaths.length;
  model.stats.filesScanned = texts.size;
  model.stats.filesParsed = counters.parsed;
  model.stats.skipped = skipped.sort((a, b) => a.file.localeCompare(b.file));
  model.stats.durationMs = Math.round(performance.now() - started);
  log.info(
    {
      files: allPaths.length,
      parsed: counters.parsed,
      queues: model.queues.length,
      skipped: skipped.length,
      durationMs: model.stats.durationMs,
    },
    'analysis finished',
  );
  return model;
}

async function readSources(
  tree: SourceTree,
  paths: string[],
  limits: ContentLimits,
  texts: Map<string, string>,
  hashes: Map<string, string>,
  skipped: SkippedFile[],
): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const batch = 64;
  for (let i = 0; i < paths.length; i += batch) {
    const slice = paths.slice(i, i + batch);
    const contents = await Promise.all(slice.map((path) => tree.read(path)));
    slice.forEach((path, j) => {
      const bytes = contents[j];
      if (!bytes) {
        skipped.push({ file: path, reason: 'unreadable' });
        return;
      }
      if (bytes.length > limits.maxFileBytes) {
        skipped.push({ file: path, reason: 'too-large' });
        return;
      }
      if (bytes.subarray(0, 8000).includes(0)) {
        skipped.push({ file: path, reason: 'binary' });
        return;
      }
      try {
        texts.set(path, decoder.decode(bytes));
      } catch {
        skipped.push({ file: path, reason: 'invalid-utf8' });
        return;
      }
      hashes.set(path, tree.hash?.(path) ?? gitBlobSha(bytes));
    });
  }
}

/** Manifests are small; anything over 1 MiB is not one we can use. */
async function readManifests(tree: SourceTree, paths: string[]): Promise<Map<string, string>> {
  const manifests = new Map<string, string>();
  for (const path of paths) {
    const bytes = await tree.read(path);
    if (bytes && bytes.length <= 1024 * 1024) {
      manifests.set(path, bytes.toString('utf8'));
    }
  }
  return manifests;
}

async function readText(tree: SourceTree, path: string): Promise<string | undefined> {
  const bytes = await tree.read(path);
  return bytes?.toString('utf8');
}

/**
 * Files whose text names a construct some analyzer extracts, plus files
 * that import such a file: a wrapper module can hide the library name.
 */
function selectCandidates(
  texts: Map<string, string>,
  analyzers: readonly Analyzer[],
  resolveModule: (from: string, specifier: string) => string | undefined,
): Set<string> {
  const matches = buildPrefilter(analyzers.flatMap((analyzer) => analyzer.keywords));
  const candidates = new Set<string>();
  for (const [path, text] of texts) {
    if (matches(text)) {
      candidates.add(path);
    }
  }
  const direct = new Set(candidates);
  for (const [path, text] of texts) {
    if (candidates.has(path)) {
      continue;
    }
    const importsCandidate = scanImportSpecifiers(text).some((specifier) => {
      const target = resolveModule(path, specifier);
      return target !== undefined && direct.has(target);
    });
    if (importsCandidate) {
      candidates.add(path);
    }
  }
  return candidates;
}

async function factsFor(
  path: string,
  text: string,
  hash: string | undefined,
  extractor: FactExtractor,
  cache: FactCache | undefined,
  counters: AnalyzeCounters,
  model: ArchitectureModel,
  skipped: SkippedFile[],
  log: Logger,
): Promise<FileFacts | undefined> {
  const key = hash ? factCacheKey(hash) : undefined;
  if (cache && key) {
    const cached = await cache.get(key);
    if (cached) {
      counters.cacheHits++;
      return { ...cached, file: path };
    }
    counters.cacheMisses++;
  }
  counters.parsed++;
  const result = extractor.extract(path, text);
  if ('skip' in result) {
    log.debug({ file: path, reason: result.skip, detail: result.message }, 'file skipped');
    skipped.push({ file: path, reason: result.skip });
    return undefined;
  }
  for (const failure of result.failures) {
    log.warn({ analyzer: failure.analyzer, file: failure.file, err: failure.message }, 'extract failed');
    model.stats.failedAnalyzers.push({
      analyzer: failure.analyzer,
      message: `${failure.file}: ${failure.message}`,
    });
  }
  if (cache && key && result.failures.length === 0) {
    await cache.set(key, result.facts);
  }
  return result.facts;
}

function runBuilds(
  analyzers: readonly Analyzer[],
  allFacts: FileFacts[],
  resolver: Resolver,
  model: ArchitectureModel,
  manifests: ReadonlyMap<string, string>,
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
      const part = analyzer.build({ facts, allFacts, resolver, model, manifests, log: child });
      mergeModelPart(model, part);
    } catch (error) {
      child.warn({ err: error }, 'analyzer failed; the report is partial');
      model.stats.failedAnalyzers.push({ analyzer: analyzer.id, message: messageOf(error) });
    }
  }
}
