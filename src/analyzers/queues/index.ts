import type { Analyzer } from '../types.js';

/** Placeholder until this analyzer is written; replaced, never shipped. */
export const queuesAnalyzer: Analyzer = {
  id: 'queues',
  keywords: [],
  extract: () => [],
  build: () => ({}),
};
