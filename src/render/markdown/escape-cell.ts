/**
 * Text for one line of markdown: line breaks and runs of whitespace become
 * one space, because a raw newline ends a list item or a table row.
 */
export function inlineText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Text for a table cell: on one line, with `|` escaped so it cannot split
 * the cell. GitHub honours `\|` inside code spans in tables too.
 */
export function escapeCell(text: string): string {
  return inlineText(text).replace(/\\?\|/g, '\\|');
}
