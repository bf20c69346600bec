import { analyzeTree } from '../../src/pipeline/analyze-tree.js';
import type { AnalyzeOptions } from '../../src/pipeline/analyze-tree.js';
import { MemoryTree } from '../../src/source/memory-tree.js';
import type { ArchitectureModel } from '../../src/model/types.js';

/**
 * Analyzes a tree given as `{ path: source }`, held in memory.
 *
 * Every call also analyzes the same tree with the pre-filter off (every
 * file parsed) and fails unless both models agree, so each analyzer fixture
 * in the suite proves the pre-filter and the wrapper walk lose nothing.
 */
export async function analyzeFiles(
  files: Record<string, string>,
  options: AnalyzeOptions = {},
): Promise<ArchitectureModel> {
  const model = await analyzeTree(new MemoryTree(files, 'memory'), options);
  const everything = await analyzeTree(new MemoryTree(files, 'memory'), {
    ...options,
    parseEverything: true,
  });
  const comparable = (m: ArchitectureModel): unknown => ({
    ...m,
    stats: undefined,
  });
  if (
    JSON.stringify(comparable(model)) !== JSON.stringify(comparable(everything))
  ) {
    expect(comparable(model)).toEqual(comparable(everything));
  }
  return model;
}
