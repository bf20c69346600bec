import type { Analyzer } from '../types.js';

/** Placeholder until this analyzer is written; replaced, never shipped. */
export const failureHandlingAnalyzer: Analyzer = {
  id: 'failure-handling',
  keywords: [],
  extract: () => [],
  build: () => ({}),
};
