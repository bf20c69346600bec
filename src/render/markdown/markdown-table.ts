import { escapeCell } from './escape-cell.js';

/**
 * A GitHub table. Cells are escaped here, so callers pass markdown that may
 * hold `|` or line breaks from source text without breaking the row.
 */
export function markdownTable(
  headers: readonly string[],
  rows: readonly string[][],
): string {
  const lines = [
    `| ${headers.map(escapeCell).join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
  ];
  for (const row of rows) {
    const cells = headers.map((_, i) => escapeCell(row[i] ?? '') || '—');
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
