import type { Node, SourceFile, ts } from 'ts-morph';

/**
 * The ts-morph wrapper of a compiler node, from ts-morph's own per-file
 * lookup. It is the one internal method we call: the public alternatives
 * either wrap the whole tree or build a new project context per node.
 */
export function wrapCompilerNode(sourceFile: SourceFile, node: ts.Node): Node {
  const internal = sourceFile as unknown as {
    _getNodeFromCompilerNode(node: ts.Node): Node;
  };
  return internal._getNodeFromCompilerNode(node);
}
