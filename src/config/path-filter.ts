/**
 * Turns `paths.include` / `paths.exclude` globs into a path predicate.
 *
 * - `**` matches any number of folders, `*` any run of characters within one
 *   name, `?` one character.
 * - A pattern without `/` matches a name at any depth (`*.spec.ts`).
 * - A pattern also matches everything under a folder it names (`packages/api`).
 * - A leading `/` anchors the pattern to the root.
 */
export function createPathFilter(paths: {
  include: readonly string[];
  exclude: readonly string[];
}): (path: string) => boolean {
  const include = paths.include.map(globToRegExp);
  const exclude = paths.exclude.map(globToRegExp);
  return (path) =>
    (include.length === 0 || include.some((glob) => glob.test(path))) &&
    !exclude.some((glob) => glob.test(path));
}

export function globToRegExp(glob: string): RegExp {
  const anchored = glob.startsWith('/');
  const pattern = glob.replace(/^\/+/, '').replace(/\/+$/, '');
  const anyDepth = !anchored && !pattern.includes('/');
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (pattern.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (pattern.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${anyDepth ? '(?:.*/)?' : ''}${source}(?:/.*)?$`);
}
