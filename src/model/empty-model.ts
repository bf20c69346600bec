import type { ArchitectureModel } from './types.js';

export function emptyModel(root: string): ArchitectureModel {
  return {
    schemaVersion: 1,
    root,
    queues: [],
    processes: [],
    redisClients: [],
    redisKeys: [],
    pubsub: [],
    leaderElection: [],
    schedules: [],
    shutdown: [],
    unclosed: [],
    failureHandling: [],
    pushPaths: [],
    stats: {
      filesSeen: 0,
      filesScanned: 0,
      filesParsed: 0,
      skipped: [],
      failedAnalyzers: [],
      durationMs: 0,
    },
  };
}
