import type { ArchitectureModel, Site } from '../../model/types.js';
import type { FileItems } from '../types.js';
import type { ProcessSignal, SignalKind } from './types.js';

/**
 * This analyzer's signals by file, completed with what earlier analyzers
 * resolved and the syntax here cannot see: consumers built through wrapper
 * classes (queues) and schedules of other libraries (schedules). Those are
 * taken as running on load, since their enclosing function is not known;
 * they are only added to files with no signal of that kind of their own.
 */
export function collectSignals(
  facts: readonly FileItems<ProcessSignal>[],
  model: Readonly<ArchitectureModel>,
): Map<string, ProcessSignal[]> {
  const byFile = new Map<string, ProcessSignal[]>();
  for (const { file, items } of facts) {
    byFile.set(file, [...items]);
  }

  const consumers = model.queues.flatMap((queue) =>
    queue.sites
      .filter((s) => s.role === 'consumer')
      .map((s) => ({ site: s, detail: `consumer of queue ${queue.name}` })),
  );
  addModelSignals(byFile, consumers, 'worker');

  const schedules = model.schedules.flatMap((schedule) =>
    schedule.sites.map((s) => ({
      site: s,
      detail: `${schedule.kind} ${schedule.expression}`,
    })),
  );
  addModelSignals(byFile, schedules, 'schedule');
  return byFile;
}

function addModelSignals(
  byFile: Map<string, ProcessSignal[]>,
  found: { site: Site; detail: string }[],
  signal: SignalKind,
): void {
  const ownFiles = new Set(
    [...byFile]
      .filter(([, items]) => items.some((s) => s.signal === signal))
      .map(([f]) => f),
  );
  for (const { site, detail } of found) {
    if (ownFiles.has(site.file)) {
      continue;
    }
    const items = byFile.get(site.file) ?? [];
    if (!items.some((s) => s.signal === signal && s.line === site.line)) {
      items.push({ signal, line: site.line, detail });
    }
    byFile.set(site.file, items);
  }
}
