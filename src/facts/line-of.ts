import type { Node } from 'ts-morph';

/**
 * The 1-based line a node starts on. ts-morph's `getStartLineNumber()`
 * counts newlines from the top of the file on every call, which made line
 * lookups the largest cost of extraction; the compiler's line map answers
 * with a binary search.
 */
export function lineOf(node: Node): number {
  const sourceFile = node.getSourceFile().compilerNode;
  return sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1;
}
