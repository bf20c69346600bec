import type { ProcessEntry, ProcessKind } from '../../model/types.js';
import { optionNumber } from './format-option.js';

/**
 * Which processes run the code in `file`. The model holds no import graph,
 * so a file is tied to a process when it is the process's entry or one of
 * its sites, or when it sits under the folder of an entry that no other
 * process shares (`src/worker/jobs/a.ts` belongs to `src/worker/index.ts`).
 * Code in shared folders (`src/queues/`) ties to no process.
 */
export function processesForFile(
  processes: readonly ProcessEntry[],
  file: string,
): ProcessEntry[] {
  const direct = processes.filter(
    (process) =>
      process.entry === file || process.sites.some((s) => s.file === file),
  );
  if (direct.length > 0) {
    return direct;
  }

  const folders = processes.map((process) => entryFolder(process));
  const owners = new Map<string, number>();
  for (const folder of folders) {
    if (folder !== undefined) {
      owners.set(folder, (owners.get(folder) ?? 0) + 1);
    }
  }
  const matches = processes.filter((_, i) => {
    const folder = folders[i];
    return (
      folder !== undefined &&
      owners.get(folder) === 1 &&
      file.startsWith(`${folder}/`)
    );
  });

  // The deepest folder wins: `src/worker/email/` before `src/worker/`.
  const depth = (process: ProcessEntry): number =>
    entryFolder(process)?.length ?? 0;
  const deepest = Math.max(0, ...matches.map(depth));
  return matches.filter((process) => depth(process) === deepest);
}

function entryFolder(process: ProcessEntry): string | undefined {
  const entry = process.entry;
  if (entry === undefined || !entry.includes('/')) {
    return undefined;
  }
  return entry.slice(0, entry.lastIndexOf('/'));
}

/** The kind a process is grouped under: its first, in a fixed order. */
export function primaryKind(process: ProcessEntry): ProcessKind | 'other' {
  const order: ProcessKind[] = ['web', 'worker', 'scheduler', 'websocket'];
  return order.find((kind) => process.kinds.includes(kind)) ?? 'other';
}

/** The stated replica count, when it resolved to a number. */
export function replicaCount(process: ProcessEntry): number | undefined {
  return optionNumber(process.replicas);
}
