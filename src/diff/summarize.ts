import type { ArchitectureModel } from '../model/types.js';
import type { ModelSummary } from './types.js';

/** Counts of a model's parts, for JSON output and headlines. */
export function summarize(model: ArchitectureModel): ModelSummary {
  return {
    queues: model.queues.length,
    processes: model.processes.length,
    redisKeys: model.redisKeys.length,
    pubsub: model.pubsub.length,
    leaderElection: model.leaderElection.length,
    schedules: model.schedules.length,
    shutdown: model.shutdown.length,
    failureHandling: model.failureHandling.length,
    pushPaths: model.pushPaths.length,
  };
}
