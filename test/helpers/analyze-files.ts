import { analyzeTree } from '../../src/pipeline/analyze-tree.js';
import type { AnalyzeOptions } from '../../src/pipeline/analyze-tree.js';
import { MemoryTree } from '../../src/source/memory-tree.js';
import type { ArchitectureModel } from '../../src/model/types.js';

/** Analyzes a tree given as `{ path: source }`, held in memory. */
export function analyzeFiles(
  files: Record<string, string>,
  options: AnalyzeOptions = {},
): Promise<ArchitectureModel> {
  return analyzeTree(new MemoryTree(files, 'memory'), options);
}
