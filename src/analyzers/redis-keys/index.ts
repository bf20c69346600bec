import type { Analyzer } from '../types.js';

/** Placeholder until this analyzer is written; replaced, never shipped. */
export const redisKeysAnalyzer: Analyzer = {
  id: 'redis-keys',
  keywords: [],
  extract: () => [],
  build: () => ({}),
};
