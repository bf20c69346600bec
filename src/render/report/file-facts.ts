import type {
  ArchitectureModel,
  OptionValue,
  Site,
} from '../../model/types.js';

/** What one file holds, by category, for ranking the key scaling files. */
export interface FileFactCount {
  file: string;
  total: number;
  /** Category name to the subjects seen in it (`queue` → `orders`). */
  categories: Map<string, Set<string>>;
}

/**
 * Counts every cited fact per file: sites of each model item and the
 * places its options were written. A site counts once per item, however
 * many roles it plays.
 */
export function countFileFacts(model: ArchitectureModel): FileFactCount[] {
  const counts = new Map<string, FileFactCount>();
  const add = (
    category: string,
    subject: string,
    at: Pick<Site, 'file' | 'line'>[],
  ): void => {
    const files = new Set(at.map((site) => `${site.file}\u0000${site.line}`));
    for (const key of files) {
      const file = key.slice(0, key.indexOf('\u0000'));
      const entry: FileFactCount = counts.get(file) ?? {
        file,
        total: 0,
        categories: new Map<string, Set<string>>(),
      };
      const subjects = entry.categories.get(category) ?? new Set<string>();
      entry.total++;
      entry.categories.set(category, subjects.add(subject));
      counts.set(file, entry);
    }
  };

  for (const q of model.queues) {
    add('queue', q.name, [...q.sites, ...options(q.options)]);
  }
  for (const p of model.processes) {
    add('process', p.name, [...p.sites, ...(p.replicas ? [p.replicas] : [])]);
  }
  model.redisClients.forEach((c) =>
    add('Redis client', c.library, [...c.sites, ...options(c.settings)]),
  );
  model.redisKeys.forEach((k) => add('Redis key', k.pattern, k.sites));
  model.pubsub.forEach((c) =>
    add('channel', c.channel, [...c.sites, ...c.publishers, ...c.subscribers]),
  );
  model.leaderElection.forEach((e) =>
    add('leader election', e.mechanism, e.sites),
  );
  model.schedules.forEach((s) => add('schedule', s.task, s.sites));
  model.shutdown.forEach((h) => add('shutdown', h.trigger, h.sites));
  model.unclosed.forEach((u) => add('unclosed', u.resource, u.sites));
  model.failureHandling.forEach((f) =>
    add('failure handling', f.kind, f.sites),
  );
  model.pushPaths.forEach((p) =>
    add('push path', p.transport, [...p.sites, ...p.hops.map((h) => h.site)]),
  );

  return [...counts.values()].sort(
    (a, b) => b.total - a.total || a.file.localeCompare(b.file),
  );
}

function options(record: Record<string, OptionValue>): OptionValue[] {
  return Object.values(record);
}
