import type { ArchitectureModel, ProcessEntry } from '../../model/types.js';
import { site, uniqueSites } from '../shared/site.js';
import type { BuildContext } from '../types.js';
import type { Classified } from './classify-entry.js';
import { classifyReach, roleOf, sortKinds } from './classify-entry.js';
import { collectSignals } from './collect-signals.js';
import { findRootEntries } from './find-root-entries.js';
import { createCommandLocator } from './locate-entry.js';
import { mergeEntries } from './merge-entries.js';
import type { ReachWalk } from './reach-imports.js';
import { reachImports } from './reach-imports.js';
import { readDeclaredEntries, scriptsByDir } from './read-manifests.js';
import type { ProcessSignal } from './types.js';

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
  context: BuildContext<ProcessSignal>,
): Partial<ArchitectureModel> {
  const { resolver, manifests } = context;
  const signals = collectSignals(context.facts, context.model);
  const walk = reachWalk(context, signals);
  const locate = createCommandLocator(resolver, scriptsByDir(manifests));
  const reached = new Set<string>();
  const judged: Judged[] = [];

  for (const started of mergeEntries(readDeclaredEntries(manifests), locate)) {
    const reach = started.file
      ? reachImports(started.file, walk)
      : undefined;
    reach?.files.forEach((file) => reached.add(file));
    const classified = reach ? classifyReach(reach, signals) : undefined;
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

  judged.push(...unstartedEntries(context, signals, reached));
  addNestProcessors(judged, signals);
  const processes = judged
    .map((j) => j.process)
    .sort((a, b) => a.name.localeCompare(b.name));
  context.log.debug({ processes: processes.length }, 'processes built');
  return { processes };
}

/**
 * The walk from entries: names matter at imports of signal files and of the
 * files importing them (a barrel that re-exports a worker starter).
 */
function reachWalk(
  context: BuildContext<ProcessSignal>,
  signals: ReadonlyMap<string, ProcessSignal[]>,
): ReachWalk {
  const namesMatter = new Set(signals.keys());
  for (const file of signals.keys()) {
    context.importGraph.importersOf(file).forEach((importer) => namesMatter.add(importer));
  }
  return { resolver: context.resolver, graph: context.importGraph, namesMatter };
}

/** Files that start something and that no declared entry imports. */
function unstartedEntries(
  context: BuildContext<ProcessSignal>,
  signals: ReadonlyMap<string, ProcessSignal[]>,
  reached: ReadonlySet<string>,
): Judged[] {
  const signalFiles = [...signals.keys()].filter((file) => !reached.has(file));
  const judged: Judged[] = [];
  for (const root of findRootEntries(signalFiles, context.importGraph)) {
    if (reached.has(root)) {
      continue;
    }
    const classified = classifyReach(
      reachImports(root, reachWalk(context, signals), false),
      signals,
    );
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
