/**
 * The lower-case words of an identifier or dotted path:
 * `this.amILeader` gives `this`, `am`, `i`, `leader`. Matching whole words
 * keeps `leaderboard` and `clock` from reading as leader or lock.
 */
export function nameWords(text: string): string[] {
  return text
    .split(/[^A-Za-z0-9]+/)
    .flatMap((part) => part.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [])
    .map((word) => word.toLowerCase());
}

/** Whether any word of `text` is one of `words`. */
export function hasWord(text: string, words: ReadonlySet<string>): boolean {
  return nameWords(text).some((word) => words.has(word));
}
