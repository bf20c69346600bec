import { inlineText } from './escape-cell.js';

/**
 * A code span for a name as written in the code (queue name, key pattern,
 * expression), so `*`, `_` and `<` in it are not read as markdown. A span
 * holding backticks is fenced with a longer run of them, as CommonMark says.
 */
export function codeSpan(text: string): string {
  const value = inlineText(text);
  const runs = value.match(/`+/g) ?? [];
  const longest = runs.reduce((max, run) => Math.max(max, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}
