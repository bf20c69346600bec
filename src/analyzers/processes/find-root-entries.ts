import type { Resolver } from '../../facts/resolver.js';
import type { FileFacts } from '../../facts/types.js';
import { MAX_IMPORT_DEPTH, reExportTargets } from './reach-imports.js';

/** Tests, specs and fixtures start no process of the application. */
const TEST_DIR = /(^|\/)(test|tests|__tests__|__mocks__|spec|e2e|fixtures?)\//;
const TEST_FILE = /\.(test|spec|e2e-spec)\.[cm]?[jt]sx?$/;

export function isTestPath(path: string): boolean {
  return TEST_DIR.test(path) || TEST_FILE.test(path);
}

/**
 * Entry points guessed from the code when no manifest names them: for each
 * file that starts something, the files at the top of its importers (among
 * the files the pre-filter kept), or the file itself when nothing imports
 * it. A top above the pre-filter's one-step rule is not seen, so a
 * `main.ts` that only imports `app.ts` is reported as `app.ts`.
 */
export function findRootEntries(
  signalFiles: Iterable<string>,
  allFacts: readonly FileFacts[],
  resolver: Resolver,
): string[] {
  const importers = importerGraph(allFacts, resolver);
  const roots = new Set<string>();
  for (const file of signalFiles) {
    if (!isTestPath(file)) {
      topsAbove(file, importers).forEach((top) => roots.add(top));
    }
  }
  return [...roots].sort();
}

function importerGraph(
  allFacts: readonly FileFacts[],
  resolver: Resolver,
): Map<string, Set<string>> {
  const importers = new Map<string, Set<string>>();
  for (const facts of allFacts) {
    if (isTestPath(facts.file)) {
      continue;
    }
    const specifiers = [...facts.imports, ...(facts.loads ?? [])].map(
      (fact) => fact.module,
    );
    const targets = specifiers
      .map((specifier) => resolver.resolveModule(facts.file, specifier))
      .filter((target): target is string => target !== undefined);
    for (const target of [
      ...targets,
      ...reExportTargets(facts.file, facts, resolver),
    ]) {
      const set = importers.get(target) ?? new Set<string>();
      set.add(facts.file);
      importers.set(target, set);
    }
  }
  return importers;
}

function topsAbove(
  file: string,
  importers: ReadonlyMap<string, Set<string>>,
): string[] {
  const tops = new Set<string>();
  const seen = new Set([file]);
  let frontier = [file];
  for (let depth = 0; frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const current of frontier) {
      const above = [...(importers.get(current) ?? [])].filter(
        (f) => f !== current,
      );
      if (above.length === 0 || depth >= MAX_IMPORT_DEPTH) {
        tops.add(current);
        continue;
      }
      for (const importer of above.filter((f) => !seen.has(f))) {
        seen.add(importer);
        next.push(importer);
      }
    }
    frontier = next;
  }
  return tops.size > 0 ? [...tops] : [file];
}
