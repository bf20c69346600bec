import type { Logger } from 'pino';
import type { FactExtractor } from '../facts/extract-file-facts.js';
import type { FactCache } from '../facts/fact-cache.js';
import { factCacheKey } from '../facts/fact-cache.js';
import type { FileFacts } from '../facts/types.js';
import type { ArchitectureModel, SkippedFile } from '../model/types.js';
import type { ContentLimits } from '../source/inspect-content.js';
import { inspectText } from '../source/inspect-content.js';
import type { SourceTree } from '../source/source-tree.js';
import type { BudgetGuard } from './analysis-budget.js';
import type { AnalyzeCounters } from './analyze-tree.js';
import type { ImportGraph } from './import-graph.js';
import type { ScannedSource } from './scan-sources.js';
import { handsOnLibrary, importersOf } from './select-candidates.js';

/** What parsing a file needs and where its outcome is recorded. */
export interface FactContext {
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
export async function collectCandidates(
  scanned: ScannedSource[],
  graph: ImportGraph,
  resolveModule: (from: string, specifier: string) => string | undefined,
  namesLibrary: (specifier: string) => boolean,
  context: FactContext,
): Promise<{
  candidates: ScannedSource[];
  factsByPath: Map<string, FileFacts>;
}> {
  const candidates = scanned.filter((source) => source.scan.direct);
  const factsByPath = await candidateFacts(candidates, context);
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
    for (const [path, facts] of await candidateFacts(next, context)) {
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
): Promise<Map<string, FileFacts>> {
  const { cache } = context;
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
    source.text ?? context.tree.readSync(source.path)?.toString('utf8');
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
export function moduleFacts(
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
  const text = source.text ?? context.tree.readSync(path)?.toString('utf8');
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
