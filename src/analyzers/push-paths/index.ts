import type { Analyzer } from '../types.js';

/** Placeholder until this analyzer is written; replaced, never shipped. */
export const pushPathsAnalyzer: Analyzer = {
  id: 'push-paths',
  keywords: [],
  extract: () => [],
  build: () => ({}),
};
