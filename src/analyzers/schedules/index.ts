import type { Analyzer } from '../types.js';

/** Placeholder until this analyzer is written; replaced, never shipped. */
export const schedulesAnalyzer: Analyzer = {
  id: 'schedules',
  keywords: [],
  extract: () => [],
  build: () => ({}),
};
