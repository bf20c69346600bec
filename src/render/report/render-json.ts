import type { ArchitectureModel } from '../../model/types.js';

/** Top-level fields in the order the contract lists them. */
const TOP_LEVEL: (keyof ArchitectureModel)[] = [
  'schemaVersion',
  'root',
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
  'stats',
];

/**
 * The model as pretty JSON with a fixed key order: top-level fields as the
 * contract lists them, nested keys sorted, arrays as built. Two runs on the
 * same tree give byte-identical output whatever order analyzers set keys in.
 */
export function renderJson(model: ArchitectureModel): string {
  const ordered: Record<string, unknown> = {};
  for (const key of TOP_LEVEL) {
    ordered[key] = sortKeys(model[key]);
  }
  for (const key of Object.keys(model).sort()) {
    if (!(key in ordered)) {
      ordered[key] = sortKeys(
        (model as unknown as Record<string, unknown>)[key],
      );
    }
  }
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return Object.fromEntries(
      entries.map(([key, item]) => [key, sortKeys(item)]),
    );
  }
  return value;
}
