import type { Analyzer } from '../types.js';

/** Placeholder until this analyzer is written; replaced, never shipped. */
export const processesAnalyzer: Analyzer = {
  id: 'processes',
  keywords: [],
  extract: () => [],
  build: () => ({}),
};
