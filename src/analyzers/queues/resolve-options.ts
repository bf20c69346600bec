import type { OptionValue, Site } from '../../model/types.js';

/** One option as one site states it. */
export interface OptionStatement {
  key: string;
  value: OptionValue;
  site: Site;
  /** Set when the option was given for one job (`add` opts) rather than the queue. */
  job?: string;
}

/**
 * The options of one queue from everything said about it.
 *
 * Queue-wide statements (settings, worker options, job defaults) come
 * first, earliest site first; Nest `forRoot` defaults fill the keys the
 * queue does not state. A per-job option takes the plain key only when no
 * default states it and a single job name sets it; otherwise it is kept as
 * `job.<name>.<key>`, so no option a producer wrote is dropped.
 */
export function resolveOptions(
  statements: OptionStatement[],
  globals: OptionStatement[],
): Record<string, OptionValue> {
  const sorted = [...statements].sort((a, b) => bySite(a.site, b.site));
  const out: Record<string, OptionValue> = {};
  for (const statement of [
    ...sorted.filter((s) => s.job === undefined),
    ...globals,
  ]) {
    out[statement.key] ??= statement.value;
  }

  const byKey = new Map<string, OptionStatement[]>();
  for (const statement of sorted.filter((s) => s.job !== undefined)) {
    byKey.set(statement.key, [...(byKey.get(statement.key) ?? []), statement]);
  }
  for (const [key, list] of byKey) {
    const jobs = new Set(list.map((s) => s.job));
    const first = list[0];
    if (first && !(key in out) && jobs.size === 1) {
      out[key] = first.value;
      continue;
    }
    for (const statement of list) {
      out[`job.${statement.job ?? '*'}.${key}`] ??= statement.value;
    }
  }

  return Object.fromEntries(
    Object.entries(out).sort(([a], [b]) => a.localeCompare(b)),
  );
}

function bySite(a: Site, b: Site): number {
  return a.file.localeCompare(b.file) || a.line - b.line;
}
