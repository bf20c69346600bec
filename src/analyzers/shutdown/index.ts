import type { Analyzer } from '../types.js';

/** Placeholder until this analyzer is written; replaced, never shipped. */
export const shutdownAnalyzer: Analyzer = {
  id: 'shutdown',
  keywords: [],
  extract: () => [],
  build: () => ({}),
};
