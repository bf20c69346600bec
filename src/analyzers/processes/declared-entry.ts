import type { OptionValue, Site } from '../../model/types.js';

/** Where a declared entry comes from, in the order names are preferred. */
export type EntryOrigin =
  'compose' | 'kubernetes' | 'procfile' | 'script' | 'package' | 'dockerfile';

/** A process a manifest says is started, before its command is located. */
export interface DeclaredEntry {
  /** Service, process or script name. */
  name: string;
  origin: EntryOrigin;
  /** `package.json#scripts.start`, `Procfile#web`, `Dockerfile CMD`, ... */
  startedBy: string;
  /** The manifest line that starts it, role `entry`. */
  site: Site;
  /** The command as a shell would read it. */
  command: string;
  /** Directory the command's relative paths start from. */
  baseDir: string;
  replicas?: OptionValue;
}

/** The directory of a tree path, `` for the root. */
export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/**
 * The command an exec-form array runs: `["sh", "-c", "node x.js"]` runs its
 * string, other arrays run their words.
 */
export function execFormCommand(parts: string[]): string {
  const [first, flag, script] = parts;
  if (
    first &&
    /(^|\/)(ba)?sh$/.test(first) &&
    flag === '-c' &&
    script !== undefined
  ) {
    return script;
  }
  return parts.map((part) => (/\s/.test(part) ? `"${part}"` : part)).join(' ');
}
