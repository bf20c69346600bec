import type { ProcessKind, Site } from '../../model/types.js';
import { site, uniqueSites } from '../shared/site.js';
import type { Reach } from './reach-imports.js';
import type { ProcessSignal, SignalKind } from './types.js';

const KIND_OF: Record<SignalKind, ProcessKind | undefined> = {
  listen: 'web',
  'nest-http': 'web',
  'nest-context': undefined,
  websocket: 'websocket',
  worker: 'worker',
  schedule: 'scheduler',
};

const ROLE_OF: Record<SignalKind, string> = {
  listen: 'listen',
  'nest-http': 'listen',
  'nest-context': 'bootstrap',
  websocket: 'websocket',
  worker: 'worker',
  schedule: 'schedule',
};

const KIND_ORDER: ProcessKind[] = ['web', 'worker', 'scheduler', 'websocket'];

/** What one entry starts, judged from the signals its imports run. */
export interface Classified {
  kinds: ProcessKind[];
  sites: Site[];
  /** Signal kinds that run, for rules that look past kinds (Nest bootstraps). */
  signals: Set<SignalKind>;
}

/** The signals that run in a process started at the reach's entry. */
export function classifyReach(
  reach: Reach,
  signalsByFile: ReadonlyMap<string, ProcessSignal[]>,
): Classified {
  const kinds = new Set<ProcessKind>();
  const sites: Site[] = [];
  const signals = new Set<SignalKind>();
  for (const file of reach.files) {
    for (const signal of signalsByFile.get(file) ?? []) {
      if (!runs(signal, file, reach)) {
        continue;
      }
      signals.add(signal.signal);
      const kind = KIND_OF[signal.signal];
      if (kind) {
        kinds.add(kind);
      }
      sites.push(site(file, signal.line, ROLE_OF[signal.signal]));
    }
  }
  return { kinds: sortKinds(kinds), sites: uniqueSites(sites), signals };
}

/** A signal runs when loading its file runs it, or a reached file imports its function. */
function runs(signal: ProcessSignal, file: string, reach: Reach): boolean {
  if (!signal.scopes || reach.everything.has(file)) {
    return true;
  }
  const used = reach.used.get(file);
  return signal.scopes.some((scope) => used?.has(scope) === true);
}

export function sortKinds(kinds: Iterable<ProcessKind>): ProcessKind[] {
  const set = new Set(kinds);
  return KIND_ORDER.filter((kind) => set.has(kind));
}

/** The site role a signal is cited with. */
export function roleOf(signal: SignalKind): string {
  return ROLE_OF[signal];
}
