import type { Analyzer } from '../types.js';

/** Placeholder until this analyzer is written; replaced, never shipped. */
export const leaderElectionAnalyzer: Analyzer = {
  id: 'leader-election',
  keywords: [],
  extract: () => [],
  build: () => ({}),
};
