import type { ArchitectureModel } from '../../model/types.js';
import type { BuildContext } from '../types.js';
import { RedisClientIndex } from '../shared/redis-client-index.js';
import { addAdvisoryLocks } from './add-advisory-locks.js';
import { addLibraryLocks } from './add-library-locks.js';
import { addRedisLocks } from './add-redis-locks.js';
import { LockTable } from './lock-table.js';
import type { LeaderElectionItem } from './types.js';

/** Redis SET NX locks and leader locks, lock libraries and advisory locks. */
export function buildLeaderElection(
  context: BuildContext<LeaderElectionItem>,
): Partial<ArchitectureModel> {
  const table = new LockTable();
  const index = new RedisClientIndex(
    context.allFacts,
    context.resolver,
    context.importGraph,
  );

  addRedisLocks(context, index, table);
  addLibraryLocks(context.facts, context.resolver, table);
  addAdvisoryLocks(context.facts, context.resolver, table);
  return { leaderElection: table.toModel() };
}
