import type { ts } from 'ts-morph';

/** Longest source text an `Expr` keeps; longer text is cut with `...`. */
const SHORT_TEXT = 200;

/**
 * A node's source text on one line, shortened so a huge literal never
 * bloats facts or reports.
 */
export function shortTextOf(node: ts.Node, sourceFile: ts.SourceFile): string {
  const start = node.getStart(sourceFile);
  const text =
    node.end - start > SHORT_TEXT
      ? `${sourceFile.text.slice(start, start + SHORT_TEXT - 3)}...`
      : sourceFile.text.slice(start, node.end);
  return text.replace(/\s+/g, ' ');
}

/**
 * The 1-based line a node starts on, from the compiler's line map (a binary
 * search, where counting newlines from the top made line lookups the
 * largest cost of extraction).
 */
export function lineAt(node: ts.Node, sourceFile: ts.SourceFile): number {
  const start = node.getStart(sourceFile);
  return sourceFile.getLineAndCharacterOfPosition(start).line + 1;
}
