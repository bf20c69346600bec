import type { Analyzer } from '../types.js';

/** Placeholder until this analyzer is written; replaced, never shipped. */
export const pubsubAnalyzer: Analyzer = {
  id: 'pubsub',
  keywords: [],
  extract: () => [],
  build: () => ({}),
};
