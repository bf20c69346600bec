import type { ArchitectureModel } from '../model/types.js';

type ArrayKeys = {
  [K in keyof ArchitectureModel]: ArchitectureModel[K] extends unknown[]
    ? K
    : never;
}[keyof ArchitectureModel];

const ARRAY_KEYS: ArrayKeys[] = [
  'queues',
  'processes',
  'redisClients',
  'redisKeys',
  'pubsub',
  'leaderElection',
  'schedules',
  'shutdown',
  'unclosed',
  'failureHandling',
  'pushPaths',
];

/** Adds one analyzer's part to the model being built. */
export function mergeModelPart(
  model: ArchitectureModel,
  part: Partial<ArchitectureModel>,
): void {
  for (const key of ARRAY_KEYS) {
    const items = part[key];
    if (items && items.length > 0) {
      (model[key] as unknown[]).push(...items);
    }
  }
}
