import { readFile } from 'node:fs/promises';
import { MemoryFactCache, gitBlobSha } from '../src/facts/fact-cache.js';
import type { AnalyzeCounters } from '../src/pipeline/analyze-tree.js';
import { analyzeTree } from '../src/pipeline/analyze-tree.js';
import { ImportGraphMemo } from '../src/pipeline/import-graph.js';
import { ModelMemo } from '../src/pipeline/model-memo.js';
import { DirectoryTree } from '../src/source/directory-tree.js';
import { MemoryTree } from '../src/source/memory-tree.js';
import { isSourcePath } from '../src/source/scope.js';

/** Files a synthetic pull request changes. */
const CHANGED_FILES = 20;

/** `base` with `CHANGED_FILES` source files edited, picked from `offset` on. */
function pullRequestHead(
  files: ReadonlyMap<string, Buffer>,
  hashes: ReadonlyMap<string, string>,
  offset: number,
): MemoryTree {
  const headFiles = new Map(files);
  const headHashes = new Map(hashes);
  const changed = [...files.keys()]
    .filter(isSourcePath)
    .filter((_, i) => i % 97 === offset);
  for (const path of changed.slice(0, CHANGED_FILES)) {
    const bytes = Buffer.concat([
      files.get(path) ?? Buffer.alloc(0),
      Buffer.from('\n// edited\n'),
    ]);
    headFiles.set(path, bytes);
    headHashes.set(path, gitBlobSha(bytes));
  }
  return new MemoryTree(headFiles, `head-${offset}`, headHashes);
}

/**
 * A pull request's analysis in a worker that has served two before on the
 * same base (each changing other files): the cache is warm, and so is the
 * process, as a long-running worker's is. The first of those pull requests
 * is timed too (`firstPrMs`): it runs code paths a cold analysis never did,
 * and the JIT has not compiled them yet. Blob SHAs come with the tree
 * listing, as they do from GitHub. With `modelMemo`, the base's model is
 * reused whole, as a worker that analyzed it before does; without it, the
 * base is analyzed again from the fact cache.
 */
export async function measureIncremental(
  dir: string,
  { modelMemo }: { modelMemo: boolean },
): Promise<{
  files: number;
  bytes: number;
  ms: number;
  detail: Record<string, number>;
}> {
  const paths = await new DirectoryTree(dir).paths();
  const files = new Map<string, Buffer>();
  for (const path of paths) {
    files.set(path, await readFile(`${dir}/${path}`));
  }
  const hashes = new Map(
    [...files].map(([path, bytes]) => [path, gitBlobSha(bytes)]),
  );
  const base = new MemoryTree(files, 'base', hashes);
  const cache = new MemoryFactCache();
  const graphs = new ImportGraphMemo();
  const options = {
    cache,
    graphs,
    models: modelMemo ? new ModelMemo() : undefined,
  };

  await analyzeTree(base, options);
  const pullRequest = async (
    offset: number,
    counters?: AnalyzeCounters,
  ): Promise<number> => {
    const head = pullRequestHead(files, hashes, offset);
    const started = performance.now();
    await analyzeTree(base, options, counters);
    await analyzeTree(head, options, counters);
    return performance.now() - started;
  };
  const firstPrMs = await pullRequest(1);
  await pullRequest(2);
  const counters = { parsed: 0, cacheHits: 0, cacheMisses: 0 };
  const ms = await pullRequest(0, counters);
  const bytes = [...files.values()].reduce((sum, b) => sum + b.length, 0);
  return {
    files: files.size,
    bytes,
    ms,
    detail: {
      ...counters,
      changed: CHANGED_FILES,
      firstPrMs: Math.round(firstPrMs),
    },
  };
}
