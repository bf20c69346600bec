import type { ArchitectureModel, ProcessEntry } from '../../model/types.js';
import { site, uniqueSites } from '../shared/site.js';
import type { BuildContext } from '../types.js';
import type { Classified } from './classify-entry.js';
import { classifyReach, roleOf, sortKinds } from './classify-entry.js';
import { collectSignals } from './collect-signals.js';
import { findRootEntries } from './find-root-entries.js';
import { createCommandLocator } from './locate-entry.js';
import { mergeEntries } from './merge-entries.js';
import type { Reach, ReachWalk } from './reach-imports.js';
import { reachImports } from './reach-imports.js';
import { readDeclaredEntries, scriptsByDir } from './read-manifests.js';
import type { ProcessFact, ProcessSignal } from './types.js';

interface Judged {
  process: ProcessEntry;
  classified?: Classified;
}

/**
 * Processes: the entries manifests start, each classified by what its
 * imports run, plus entry files found from the code that no manifest
 * starts (with an empty `startedBy`).
 */
export function buildProcesses(
  context: BuildContext<ProcessFact>,
): Partial<ArchitectureModel> {
  const { resolver, manifests } = context;
  const signals = collectSignals(context.facts, context.model);
  const onLoad = withoutClassSignals(signals);
  const walk = reachWalk(context, signals);
  const locate = createCommandLocator(resolver, scriptsByDir(manifests));
  const reached = new Set<string>();
  const judged: Judged[] = [];

  for (const started of mergeEntries(readDeclaredEntries(manifests), locate)) {
    const reach = started.file
      ? reachImports(started.file, walk, {
          loadOnly: started.onlyPackageFields,
        })
      : undefined;
    reach?.files.forEach((file) => reached.add(file));
    const classified = reach
      ? classifyStrictly(reach, signals, onLoad, started.onlyPackageFields)
      : undefined;
    const kinds = sortKinds([...started.kinds, ...(classified?.kinds ?? [])]);
    if (started.onlyPackageFields && kinds.length === 0) {
      continue;
    }
    const process: ProcessEntry = {
      name: started.name,
      ...(started.file ? { entry: started.file } : {}),
      kinds,
      ...(started.replicas ? { replicas: started.replicas } : {}),
      startedBy: started.startedBy,
      sites: uniqueSites([...started.sites, ...(classified?.sites ?? [])]),
    };
    judged.push({ process, classified });
  }

  judged.push(...unstartedEntries(context, { signals, onLoad }, walk, reached));
  addNestProcessors(judged, signals);
  const processes = judged
    .map((j) => j.process)
    .sort((a, b) => a.name.localeCompare(b.name));
  context.log.debug({ processes: processes.length }, 'processes built');
  return { processes };
}

/** Signals that run without an instance of a class being created. */
function withoutClassSignals(
  signals: ReadonlyMap<string, ProcessSignal[]>,
): Map<string, ProcessSignal[]> {
  const kept = new Map<string, ProcessSignal[]>();
  for (const [file, items] of signals) {
    const onLoad = items.filter((signal) => signal.inClass !== true);
    if (onLoad.length > 0) {
      kept.set(file, onLoad);
    }
  }
  return kept;
}

/**
 * The walk from entries: names matter at imports of signal files and of the
 * files importing them (a barrel that re-exports a worker starter).
 */
function reachWalk(
  context: BuildContext<ProcessFact>,
  signals: ReadonlyMap<string, ProcessSignal[]>,
): ReachWalk {
  const namesMatter = new Set(signals.keys());
  for (const file of signals.keys()) {
    context.importGraph
      .importersOf(file)
      .forEach((importer) => namesMatter.add(importer));
  }
  const leadsToSignal = new Set(signals.keys());
  const stack = [...leadsToSignal];
  while (stack.length > 0) {
    for (const importer of context.importGraph.importersOf(
      stack.pop() as string,
    )) {
      if (!leadsToSignal.has(importer)) {
        leadsToSignal.add(importer);
        stack.push(importer);
      }
    }
  }
  const runWhenCalled = [...signals]
    .filter(([, items]) => items.some((signal) => signal.scopes))
    .map(([file]) => file);
  return {
    resolver: context.resolver,
    graph: context.importGraph,
    namesMatter,
    leadsToSignal,
    runWhenCalled: new Set(runWhenCalled),
  };
}

/**
 * A library's `main` and a file no manifest starts run only what runs on
 * load: classes wait for an application to create them, unless a Nest
 * bootstrap in reach creates its providers.
 */
function classifyStrictly(
  reach: Reach,
  signals: ReadonlyMap<string, ProcessSignal[]>,
  onLoad: ReadonlyMap<string, ProcessSignal[]>,
  strict: boolean,
): Classified {
  const all = classifyReach(reach, signals);
  const nest = all.signals.has('nest-http') || all.signals.has('nest-context');
  return !strict || nest ? all : classifyReach(reach, onLoad);
}

/** Files that start something and that no declared entry imports. */
function unstartedEntries(
  context: BuildContext<ProcessFact>,
  {
    signals,
    onLoad,
  }: Record<'signals' | 'onLoad', ReadonlyMap<string, ProcessSignal[]>>,
  walk: ReachWalk,
  reached: ReadonlySet<string>,
): Judged[] {
  const signalFiles = [...onLoad.keys()].filter((file) => !reached.has(file));
  const judged: Judged[] = [];
  for (const root of findRootEntries(signalFiles, context.importGraph)) {
    if (reached.has(root)) {
      continue;
    }
    const reach = reachImports(root, walk, {
      declared: false,
      loadOnly: true,
    });
    const classified = classifyStrictly(reach, signals, onLoad, true);
    if (classified.kinds.length > 0) {
      const process = {
        name: root,
        entry: root,
        kinds: classified.kinds,
        startedBy: [],
        sites: classified.sites,
      };
      judged.push({ process, classified });
    }
  }
  return judged;
}

/**
 * A Nest module graph registers processors through `@Module` imports the
 * import walk may not reach (dynamic modules, depth). When the repository
 * has `@Processor` classes but no process runs them, the Nest HTTP
 * bootstraps are taken to run them too: with no separate worker entry,
 * that is where Nest starts them.
 */
function addNestProcessors(
  judged: Judged[],
  signals: ReadonlyMap<string, ProcessSignal[]>,
): void {
  if (judged.some((j) => j.process.kinds.includes('worker'))) {
    return;
  }
  const processors = [...signals].flatMap(([file, items]) =>
    items
      .filter((s) => s.signal === 'worker' && s.detail === '@Processor')
      .map((s) => site(file, s.line, roleOf('worker'))),
  );
  if (processors.length === 0) {
    return;
  }
  for (const { process, classified } of judged) {
    if (classified?.signals.has('nest-http')) {
      process.kinds = sortKinds([...process.kinds, 'worker']);
      process.sites = uniqueSites([...process.sites, ...processors]);
    }
  }
}
