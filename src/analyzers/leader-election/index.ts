import type { Analyzer } from '../types.js';
import { buildLeaderElection } from './build.js';
import { extractLeaderElection } from './extract.js';
import type { LeaderElectionItem } from './types.js';

/**
 * How instances agree on one leader or one lock holder: Redis SET NX locks
 * (renewed ones are leader locks), redlock, redis-semaphore, warlock and
 * Postgres advisory locks, with the calls each lock guards.
 */
export const leaderElectionAnalyzer: Analyzer<LeaderElectionItem> = {
  id: 'leader-election',
  keywords: [
    // SET's NX flag (`'NX'`, any case) or option (`{ NX: true }`), not `"CN-NX"`.
    "'NX'",
    '"NX"',
    "'nx'",
    '"nx"',
    'NX:',
    'NX :',
    'setnx',
    'setNX',
    'redlock',
    'Redlock',
    'redis-semaphore',
    'warlock',
    'advisory_lock',
    'advisory_xact_lock',
  ],
  extract: extractLeaderElection,
  build: buildLeaderElection,
};
