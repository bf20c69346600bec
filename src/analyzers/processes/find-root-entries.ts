import type { ImportGraph } from '../../pipeline/import-graph.js';
import { MAX_IMPORT_DEPTH } from './reach-imports.js';

/** Tests, specs and fixtures start no process of the application. */
const TEST_DIR =
  /(^|\/)([\w-]+-)?(test|tests|__tests__|__mocks__|spec|e2e|fixtures?)\//;

/**
 * One-off jobs and browser assets: a migration may boot the whole app to
 * run once, and a script under `public/` runs in a browser, not a replica.
 */
const NOT_A_SERVICE_DIR = /(^|\/)(migrations?|seeds?|seeders|public|static)\//;
const TEST_FILE = /\.(test|spec|e2e-spec)\.[cm]?[jt]sx?$/;

export function isTestPath(path: string): boolean {
  return TEST_DIR.test(path) || TEST_FILE.test(path);
}

/** Whether a file no manifest starts may still be taken as a process entry. */
function mayBeEntry(path: string): boolean {
  return !isTestPath(path) && !NOT_A_SERVICE_DIR.test(path);
}

/**
 * Entry points guessed from the code when no manifest names them: for each
 * file that starts something, the files at the top of its importers in the
 * whole tree's import graph, or the file itself when nothing imports it.
 */
export function findRootEntries(
  signalFiles: Iterable<string>,
  graph: ImportGraph,
): string[] {
  const importers = {
    get: (path: string) => graph.importersOf(path).filter(mayBeEntry),
  };
  const roots = new Set<string>();
  for (const file of signalFiles) {
    if (mayBeEntry(file)) {
      topsAbove(file, importers).forEach((top) => roots.add(top));
    }
  }
  return [...roots].sort();
}

function topsAbove(
  file: string,
  importers: { get(path: string): readonly string[] },
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
