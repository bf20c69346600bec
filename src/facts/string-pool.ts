/**
 * Hands out one copy of each distinct string, detached from the text it
 * was cut from. V8 keeps a substring of 13 or more characters as a view
 * into its parent, so an import specifier matched in a file kept that whole
 * file alive as long as its scan was held: every text of a 40,000-file
 * tree at once during an analysis, and every cached file's text in the
 * app's memory cache. Specifiers repeat across files (`../models`,
 * `bullmq`), so one pool per analysis also stores each only once.
 */
export function createStringPool(): (text: string) => string {
  const pool = new Map<string, string>();
  return (text) => {
    let held = pool.get(text);
    if (held === undefined) {
      // A JSON round trip allocates a fresh, flat string.
      held = JSON.parse(JSON.stringify(text)) as string;
      pool.set(held, held);
    }
    return held;
  };
}
