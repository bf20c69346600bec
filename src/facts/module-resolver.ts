import { posix } from 'node:path';

const EXTENSIONS = [
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
];

/** Path aliases from a tsconfig: `@app/*` -> [`src/*`], relative to the root. */
export type PathAliases = [prefix: string, targets: string[]][];

/**
 * Maps import specifiers to files in the tree: relative paths, `.js`
 * specifiers that name `.ts` sources, directory `index` files, and tsconfig
 * `paths` aliases. Package imports resolve to nothing: they are libraries.
 */
export function createModuleResolver(
  paths: Iterable<string>,
  aliases: PathAliases = [],
): (from: string, specifier: string) => string | undefined {
  const known = new Set(paths);
  const aliasIndex = new AliasIndex(aliases);
  const cache = new Map<string, string | undefined>();
  // One pass builds the lookups a probe needs, so resolving a specifier is
  // a few map reads instead of a dozen guesses at file names.
  const byStem = new Map<string, string>();
  const indexOf = new Map<string, string>();
  const rank = (path: string) => EXTENSIONS.findIndex((e) => path.endsWith(e));
  for (const path of known) {
    const extension = EXTENSIONS[rank(path)];
    if (extension === undefined) {
      continue;
    }
    const stem = path.slice(0, -extension.length);
    keepFirst(byStem, stem, path, rank);
    if (stem === 'index' || stem.endsWith('/index')) {
      keepFirst(indexOf, stem.slice(0, -'/index'.length), path, rank);
    }
  }

  // As TypeScript does, `./a.js` names `a.ts` when both exist.
  const probe = (base: string): string | undefined => {
    const stem = withoutJsExtension(base);
    if (stem === base && known.has(base) && rank(base) >= 0) {
      return base;
    }
    return byStem.get(stem) ?? indexOf.get(base);
  };

  // Relative specifiers are kept per folder; callers resolve a file's
  // specifiers one after another, so the folder is looked up once a file.
  const byFolder = new Map<string, Map<string, string | undefined>>();
  let lastFrom: string | undefined;
  let lastDir = '';
  let folder = new Map<string, string | undefined>();
  return (from, specifier) => {
    // A package or alias specifier means the same from every file.
    if (!specifier.startsWith('.')) {
      if (!cache.has(specifier)) {
        cache.set(specifier, aliasTarget(specifier, aliasIndex, probe));
      }
      return cache.get(specifier);
    }
    if (from !== lastFrom) {
      lastFrom = from;
      lastDir = posix.dirname(from);
      folder = byFolder.get(lastDir) ?? new Map<string, string | undefined>();
      byFolder.set(lastDir, folder);
    }
    if (!folder.has(specifier)) {
      folder.set(specifier, probe(joinRelative(lastDir, specifier)));
    }
    return folder.get(specifier);
  };
}

/** `a` for `a.js`, `a.jsx`, `a.mjs`, `a.cjs`; anything else unchanged. */
function withoutJsExtension(path: string): string {
  for (const extension of ['.js', '.jsx', '.mjs', '.cjs']) {
    if (path.endsWith(extension)) {
      return path.slice(0, -extension.length);
    }
  }
  return path;
}

/**
 * `posix.normalize(posix.join(dir, specifier))` for a relative specifier,
 * without the general cases that made it most of the import graph's cost.
 * A trailing slash names the folder, as Node reads `require('./lib/')`.
 */
export function joinRelative(dir: string, specifier: string): string {
  const inFolder = dir === '.' || dir === '' ? '' : `${dir}/`;
  // The common shape, `./name` with nothing odd in it, needs no splitting.
  if (
    specifier.startsWith('./') &&
    specifier.length > 2 &&
    !specifier.includes('/', 2) &&
    specifier !== './..' &&
    specifier !== './.'
  ) {
    return inFolder + specifier.slice(2);
  }
  const parts = dir === '.' || dir === '' ? [] : dir.split('/');
  for (const segment of specifier.split('/')) {
    if (segment === '..') {
      if (parts.length === 0 || parts[parts.length - 1] === '..') {
        parts.push('..');
      } else {
        parts.pop();
      }
    } else if (segment !== '.' && segment !== '') {
      parts.push(segment);
    }
  }
  return parts.length === 0 ? '.' : parts.join('/');
}

/** Keeps, for each key, the path whose extension comes first in EXTENSIONS. */
function keepFirst(
  map: Map<string, string>,
  key: string,
  path: string,
  rank: (path: string) => number,
): void {
  const held = map.get(key);
  if (held === undefined || rank(path) < rank(held)) {
    map.set(key, path);
  }
}

function aliasTarget(
  specifier: string,
  aliases: AliasIndex,
  probe: (base: string) => string | undefined,
): string | undefined {
  for (const [prefix, targets] of aliases.candidatesFor(specifier)) {
    const wildcard = prefix.endsWith('*');
    const head = wildcard ? prefix.slice(0, -1) : prefix;
    if (wildcard ? !specifier.startsWith(head) : specifier !== prefix) {
      continue;
    }
    const rest = specifier.slice(head.length);
    for (const target of targets) {
      const found = probe(posix.normalize(target.replace('*', rest)));
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

/**
 * The aliases a specifier may match, in their order. A monorepo gives two
 * aliases a package, hundreds in all, and every distinct package import
 * was tried against each: exact names and `name/*` heads are looked up by
 * the specifier's own prefixes instead.
 */
class AliasIndex {
  private readonly exact = new Map<string, number[]>();
  private readonly byHead = new Map<string, number[]>();
  /** Wildcards whose head does not end a path segment (`*`, `~*`). */
  private readonly other: number[] = [];

  constructor(private readonly aliases: PathAliases) {
    aliases.forEach(([prefix], index) => {
      if (!prefix.endsWith('*')) {
        push(this.exact, prefix, index);
      } else if (prefix.endsWith('/*')) {
        push(this.byHead, prefix.slice(0, -1), index);
      } else {
        this.other.push(index);
      }
    });
  }

  candidatesFor(specifier: string): PathAliases[number][] {
    const indexes = [...(this.exact.get(specifier) ?? []), ...this.other];
    for (
      let slash = specifier.indexOf('/');
      slash !== -1;
      slash = specifier.indexOf('/', slash + 1)
    ) {
      indexes.push(...(this.byHead.get(specifier.slice(0, slash + 1)) ?? []));
    }
    return indexes
      .sort((a, b) => a - b)
      .map((index) => this.aliases[index] as PathAliases[number]);
  }
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) {
    list.push(index);
  } else {
    map.set(key, [index]);
  }
}

/** Reads `compilerOptions.baseUrl` and `paths` from a tsconfig's text. */
export function readPathAliases(
  tsconfigText: string | undefined,
  dir = '',
): PathAliases {
  if (!tsconfigText) {
    return [];
  }
  let config: unknown;
  try {
    config = JSON.parse(stripJsonComments(tsconfigText));
  } catch {
    return [];
  }
  const options = (
    config as { compilerOptions?: { baseUrl?: unknown; paths?: unknown } }
  )?.compilerOptions;
  const baseUrl = typeof options?.baseUrl === 'string' ? options.baseUrl : '.';
  const base = posix.join(dir, baseUrl);
  const aliases: PathAliases = [];
  if (options?.paths && typeof options.paths === 'object') {
    for (const [prefix, targets] of Object.entries(
      options.paths as Record<string, unknown>,
    )) {
      if (Array.isArray(targets)) {
        const list = targets.filter((t): t is string => typeof t === 'string');
        aliases.push([prefix, list.map((t) => posix.join(base, t))]);
      }
    }
  }
  return aliases;
}

/** Removes // and /* comments and trailing commas outside strings. */
function stripJsonComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[++i] ?? '';
      } else if (c === '"') {
        inString = false;
      }
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') {
        i++;
      }
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else {
      out += c;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}
