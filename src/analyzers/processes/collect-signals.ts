import type { ArchitectureModel, Site } from '../../model/types.js';
import type { FileItems } from '../types.js';
import type {
  ClassSpan,
  ProcessFact,
  ProcessSignal,
  SignalKind,
} from './types.js';
import { isClassSpan } from './types.js';

/**
 * This analyzer's signals by file, completed with what earlier analyzers
 * resolved and the syntax here cannot see: consumers built through wrapper
 * classes (queues) and schedules of other libraries (schedules). Those
 * inside a top-level class wait for an instance; the rest are taken as
 * running on load, since their enclosing function is not known. They are
 * only added to files with no signal of that kind of their own.
 */
export function collectSignals(
  facts: readonly FileItems<ProcessFact>[],
  model: Readonly<ArchitectureModel>,
): Map<string, ProcessSignal[]> {
  const byFile = new Map<string, ProcessSignal[]>();
  const spans = new Map<string, ClassSpan[]>();
  for (const { file, items } of facts) {
    spans.set(file, items.filter(isClassSpan));
    byFile.set(
      file,
      items.filter((item): item is ProcessSignal => !isClassSpan(item)),
    );
  }

  const consumers = model.queues.flatMap((queue) =>
    queue.sites
      .filter((s) => s.role === 'consumer')
      .map((s) => ({ site: s, detail: `consumer of queue ${queue.name}` })),
  );
  addModelSignals(byFile, consumers, 'worker', spans);

  const schedules = model.schedules.flatMap((schedule) =>
    schedule.sites.map((s) => ({
      site: s,
      detail: `${schedule.kind} ${schedule.expression}`,
    })),
  );
  addModelSignals(byFile, schedules, 'schedule', spans);
  for (const [file, signals] of byFile) {
    const classes = new Set(
      (spans.get(file) ?? []).map((span) => span.classSpan),
    );
    byFile.set(
      file,
      signals.map((signal) => markInClass(signal, classes)),
    );
  }
  return byFile;
}

/** Marks a signal whose every scope is a class of its file. */
function markInClass(
  signal: ProcessSignal,
  classes: ReadonlySet<string>,
): ProcessSignal {
  const inClass = signal.scopes?.every((scope) => classes.has(scope)) === true;
  return inClass ? { ...signal, inClass } : signal;
}

/**
 * Another analyzer's site inside a top-level class runs when that class is
 * created; anywhere else, its enclosing function is not known here and it
 * is taken to run on load.
 */
function classScope(
  line: number,
  spans: readonly ClassSpan[],
): string[] | undefined {
  const around = spans.find(
    (span) => span.line <= line && line <= span.endLine,
  );
  return around ? [around.classSpan] : undefined;
}

function addModelSignals(
  byFile: Map<string, ProcessSignal[]>,
  found: { site: Site; detail: string }[],
  signal: SignalKind,
  spans: ReadonlyMap<string, ClassSpan[]>,
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
      const scopes = classScope(site.line, spans.get(site.file) ?? []);
      items.push(
        scopes
          ? { signal, line: site.line, detail, scopes }
          : { signal, line: site.line, detail },
      );
    }
    byFile.set(site.file, items);
  }
}
