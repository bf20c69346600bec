/**
 * A quoted Mermaid label. Quotes, angle brackets, `#` and backticks are
 * written as Mermaid entity codes, so names taken from code (`{userId}`,
 * `"orders"`, `a<b>`) never end the label or turn into markup.
 */
export function mermaidLabel(text: string): string {
  const escaped = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;');
  return `"${escaped}"`;
}
