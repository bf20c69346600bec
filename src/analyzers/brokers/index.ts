import type { Analyzer } from '../types.js';

/** Placeholder until this analyzer is written; replaced, never shipped. */
export const brokersAnalyzer: Analyzer = {
  id: 'brokers',
  keywords: [],
  extract: () => [],
  build: () => ({}),
};
