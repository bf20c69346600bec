import { posix } from 'node:path';
import type { Resolver } from '../../facts/resolver.js';
import type { ProcessKind } from '../../model/types.js';
import { dirOf } from './declared-entry.js';
import type { CommandTarget } from './parse-command.js';
import { commandTargets } from './parse-command.js';

/** Build output folders whose `.js` files come from sources elsewhere. */
const OUTPUT_DIRS = new Set(['dist', 'build', 'out', 'lib', '.build']);

/** `npm run a` calling `npm run b` ... is followed this deep. */
const MAX_SCRIPT_HOPS = 4;

/** What a command runs: a source file of the tree, or a framework's server. */
export interface LocatedCommand {
  /** Tree path of the source module, when the tree holds it. */
  file?: string;
  /** Kinds known without reading code (`next start` serves HTTP). */
  kinds: ProcessKind[];
}

export type LocateCommand = (
  command: string,
  baseDir: string,
) => LocatedCommand | undefined;

/**
 * Maps start commands to source files: `node dist/worker.js` to
 * `src/worker.ts` when the tree has it, `npm run x` through the nearest
 * package.json, `nest start` to `src/main.ts`. Undefined when the command
 * runs nothing of this repository (`redis-server`, `docker compose up`).
 */
export function createCommandLocator(
  resolver: Resolver,
  scriptsByDir: ReadonlyMap<string, Record<string, string>>,
): LocateCommand {
  const locate = (
    command: string,
    baseDir: string,
    hops: number,
  ): LocatedCommand | undefined => {
    let found: LocatedCommand | undefined;
    // `migrate && node dist/main.js`: the long-running command comes last.
    for (const target of commandTargets(command).reverse()) {
      const located = locateTarget(target, baseDir, hops);
      if (located?.file) {
        return located;
      }
      found ??= located;
    }
    return found;
  };

  const locateTarget = (
    target: CommandTarget,
    baseDir: string,
    hops: number,
  ): LocatedCommand | undefined => {
    switch (target.kind) {
      case 'file':
        return { file: sourceFile(resolver, baseDir, target.path), kinds: [] };
      case 'nest':
        return { file: nestEntry(resolver, baseDir, target), kinds: [] };
      case 'framework':
        return { kinds: ['web'] };
      case 'script': {
        const owner = scriptOwner(scriptsByDir, baseDir, target.name);
        const script = owner?.scripts[target.name];
        return owner && script !== undefined && hops < MAX_SCRIPT_HOPS
          ? locate(script, owner.dir, hops + 1)
          : undefined;
      }
    }
  };

  return (command, baseDir) => locate(command, baseDir, 0);
}

/** The nearest package.json at or above `dir` that has the script. */
function scriptOwner(
  scriptsByDir: ReadonlyMap<string, Record<string, string>>,
  dir: string,
  name: string,
): { dir: string; scripts: Record<string, string> } | undefined {
  for (let current = dir; ; current = dirOf(current)) {
    const scripts = scriptsByDir.get(current);
    if (scripts && name in scripts) {
      return { dir: current, scripts };
    }
    if (current === '') {
      return undefined;
    }
  }
}

/**
 * A written path as a tree source: as is, then with the build output
 * folder dropped (`dist/src/main.js`) or read as `src` (`dist/main.js`).
 * Absolute paths inside an image (`/app/dist/main.js`) are tried by suffix.
 */
export function sourceFile(
  resolver: Resolver,
  baseDir: string,
  written: string,
): string | undefined {
  const segments = written.split('/').filter((s) => s !== '' && s !== '.');
  const starts = written.startsWith('/') ? segments.map((_, i) => i) : [0];
  for (const start of starts) {
    for (const dir of baseDir === '' ? [''] : [baseDir, '']) {
      const found = probeVariants(resolver, dir, segments.slice(start));
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

function probeVariants(
  resolver: Resolver,
  dir: string,
  segments: string[],
): string | undefined {
  const variants = [segments];
  const out = segments.findIndex((segment) => OUTPUT_DIRS.has(segment));
  if (out !== -1) {
    variants.push(segments.filter((_, i) => i !== out));
    variants.push(segments.map((segment, i) => (i === out ? 'src' : segment)));
  }
  for (const variant of variants) {
    const path = posix.join(dir, ...variant);
    const found =
      variant.length > 0 ? resolver.resolveModule('_', `./${path}`) : undefined;
    if (found) {
      return found;
    }
  }
  return undefined;
}

/** `nest start [project] [--entryFile x]`: `src/main.ts` or `apps/<project>/src/main.ts`. */
function nestEntry(
  resolver: Resolver,
  baseDir: string,
  target: Extract<CommandTarget, { kind: 'nest' }>,
): string | undefined {
  const file = target.entryFile ?? 'main';
  const written = target.project
    ? `apps/${target.project}/src/${file}`
    : `src/${file}`;
  return sourceFile(resolver, baseDir, written);
}
