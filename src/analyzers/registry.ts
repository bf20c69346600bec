import { queuesAnalyzer } from './queues/index.js';
import { brokersAnalyzer } from './brokers/index.js';
import { redisKeysAnalyzer } from './redis-keys/index.js';
import { pubsubAnalyzer } from './pubsub/index.js';
import { leaderElectionAnalyzer } from './leader-election/index.js';
import { schedulesAnalyzer } from './schedules/index.js';
import { failureHandlingAnalyzer } from './failure-handling/index.js';
import { shutdownAnalyzer } from './shutdown/index.js';
import { processesAnalyzer } from './processes/index.js';
import { pushPathsAnalyzer } from './push-paths/index.js';
import type { Analyzer } from './types.js';

/**
 * Every analyzer, in build order: later analyzers read the model parts of
 * earlier ones (schedules read leader election, shutdown reads queues,
 * push paths read pub/sub and processes).
 */
export const registry: readonly Analyzer[] = [
  queuesAnalyzer,
  brokersAnalyzer,
  redisKeysAnalyzer,
  pubsubAnalyzer,
  leaderElectionAnalyzer,
  schedulesAnalyzer,
  failureHandlingAnalyzer,
  shutdownAnalyzer,
  processesAnalyzer,
  pushPathsAnalyzer,
];
