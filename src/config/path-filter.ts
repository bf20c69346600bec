import { globMatcher } from './glob-matcher.js';

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
  const include = paths.include.map(globMatcher);
  const exclude = paths.exclude.map(globMatcher);
  return (path) =>
    (include.length === 0 || include.some((matches) => matches(path))) &&
    !exclude.some((matches) => matches(path));
}
