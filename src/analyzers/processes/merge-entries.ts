import type { OptionValue, ProcessKind, Site } from '../../model/types.js';
import type { DeclaredEntry, EntryOrigin } from './declared-entry.js';
import type { LocateCommand } from './locate-entry.js';

/** Names from deployment manifests say most about a process's role. */
const ORIGIN_RANK: Record<EntryOrigin, number> = {
  compose: 0,
  kubernetes: 1,
  procfile: 2,
  script: 3,
  package: 4,
  dockerfile: 5,
};

/** One process as the manifests start it, possibly from several places. */
export interface StartedProcess {
  name: string;
  file?: string;
  /** Kinds known from the command alone (`next start`). */
  kinds: ProcessKind[];
  startedBy: string[];
  sites: Site[];
  replicas?: OptionValue;
  /** Only package.json `main` or `bin` names it: a library may have those. */
  onlyPackageFields: boolean;
}

/**
 * Locates each declared entry and merges those that run the same file, so
 * `npm start`, `Procfile web` and a compose service running it are one
 * process. Entries whose command runs nothing of this repository are dropped.
 */
export function mergeEntries(
  declared: DeclaredEntry[],
  locate: LocateCommand,
): StartedProcess[] {
  const groups = new Map<
    string,
    { file?: string; kinds: ProcessKind[]; entries: DeclaredEntry[] }
  >();
  for (const entry of declared) {
    const located = locate(entry.command, entry.baseDir);
    if (!located) {
      continue;
    }
    const key = located.file ?? `${entry.startedBy}`;
    const group = groups.get(key) ?? {
      file: located.file,
      kinds: located.kinds,
      entries: [],
    };
    group.entries.push(entry);
    groups.set(key, group);
  }
  return [...groups.values()]
    .flatMap((group) =>
      splitByManifest(group.entries).map((split) => ({ ...group, ...split })),
    )
    .map(({ file, kinds, entries, own }) => ({
      name: own?.name ?? preferredName(entries),
      ...(file === undefined ? {} : { file }),
      kinds,
      startedBy: entries.map((entry) => entry.startedBy),
      sites: entries.map((entry) => entry.site),
      ...firstReplicas(entries),
      onlyPackageFields: entries.every((entry) => entry.origin === 'package'),
    }));
}

/** Origins where each named entry is its own process type. */
const DEPLOYMENT_ORIGINS = new Set<EntryOrigin>([
  'procfile',
  'compose',
  'kubernetes',
]);

/**
 * One manifest that names two processes running the same file (`web: yarn
 * start --services=web` and `worker: yarn start --services=worker`) means
 * two process types that pick their role by argument: they stay apart,
 * each named by its own line, and the entries from elsewhere that run the
 * file are shared by both.
 */
function splitByManifest(
  entries: DeclaredEntry[],
): { entries: DeclaredEntry[]; own?: DeclaredEntry }[] {
  const byManifest = new Map<string, DeclaredEntry[]>();
  for (const entry of entries.filter((e) => DEPLOYMENT_ORIGINS.has(e.origin))) {
    byManifest.set(entry.site.file, [
      ...(byManifest.get(entry.site.file) ?? []),
      entry,
    ]);
  }
  const split = [...byManifest.values()].find(
    (named) => new Set(named.map((entry) => entry.name)).size > 1,
  );
  if (!split) {
    return [{ entries }];
  }
  const shared = entries.filter((entry) => !split.includes(entry));
  return split.map((own) => ({ entries: [own, ...shared], own }));
}

function preferredName(entries: DeclaredEntry[]): string {
  const ranked = [...entries].sort(
    (a, b) =>
      ORIGIN_RANK[a.origin] - ORIGIN_RANK[b.origin] ||
      devRank(a.name) - devRank(b.name) ||
      a.name.length - b.name.length ||
      a.name.localeCompare(b.name),
  );
  return ranked[0]?.name ?? '';
}

/** `start` names a process better than `start:dev` or `debug`. */
function devRank(name: string): number {
  return /dev|debug|watch/i.test(name) ? 1 : 0;
}

function firstReplicas(entries: DeclaredEntry[]): { replicas?: OptionValue } {
  const replicas = entries.find((entry) => entry.replicas)?.replicas;
  return replicas ? { replicas } : {};
}
