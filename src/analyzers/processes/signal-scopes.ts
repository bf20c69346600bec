import { Node, SyntaxKind } from 'ts-morph';
import type { Identifier, SourceFile } from 'ts-morph';

/** Uses between top-level functions are followed this many steps. */
const MAX_HOPS = 4;

/**
 * The top-level functions or classes `node` runs inside, or undefined when
 * it runs as soon as the module is loaded. A function used at the top
 * level (`bootstrap()`) counts as loaded; one used by another function
 * (called, or passed as `list.map(build)`) adds that function's name, so
 * importing either starts the signal.
 */
export function signalScopes(
  node: Node,
  identifiers: () => Identifier[],
): string[] | undefined {
  const owner = topLevelOwner(node);
  if (owner === undefined) {
    return undefined;
  }
  const scopes = new Set<string>();
  return collect(owner, identifiers(), scopes, 0)
    ? [...scopes].sort()
    : undefined;
}

/** The identifiers of a file, listed once and only if a signal needs them. */
export function lazyIdentifiers(sourceFile: SourceFile): () => Identifier[] {
  let identifiers: Identifier[] | undefined;
  return () => {
    identifiers ??= sourceFile.getDescendantsOfKind(SyntaxKind.Identifier);
    return identifiers;
  };
}

/** Adds `name` and its users; false when some use runs on load. */
function collect(
  name: string,
  identifiers: readonly Identifier[],
  scopes: Set<string>,
  hops: number,
): boolean {
  if (scopes.has(name)) {
    return true;
  }
  scopes.add(name);
  if (hops >= MAX_HOPS) {
    return true;
  }

  for (const use of identifiers) {
    if (use.getText() !== name || isNotAUse(use)) {
      continue;
    }
    const caller = topLevelOwner(use);
    if (caller === undefined) {
      return false;
    }
    if (caller !== name && !collect(caller, identifiers, scopes, hops + 1)) {
      return false;
    }
  }
  return true;
}

/** Name of the top-level function, class or function-valued const around `node`. */
function topLevelOwner(node: Node): string | undefined {
  const statement = node.getFirstAncestor((a) =>
    Node.isSourceFile(a.getParent()),
  );
  if (!statement) {
    return undefined;
  }
  if (
    Node.isFunctionDeclaration(statement) ||
    Node.isClassDeclaration(statement)
  ) {
    return statement.getName() ?? 'default';
  }
  if (!Node.isVariableStatement(statement)) {
    return undefined;
  }
  for (const decl of statement.getDeclarations()) {
    const init = decl.getInitializer();
    const deferred =
      init &&
      (Node.isArrowFunction(init) ||
        Node.isFunctionExpression(init) ||
        Node.isClassExpression(init));
    if (
      deferred &&
      node.getPos() >= init.getPos() &&
      node.getEnd() <= init.getEnd()
    ) {
      return decl.getName();
    }
  }
  return undefined;
}

/** Declaring or exporting a name (`function f`, `export { f }`) does not run it. */
function isNotAUse(identifier: Identifier): boolean {
  const parent = identifier.getParent();
  if (Node.isExportSpecifier(parent) || Node.isExportAssignment(parent)) {
    return true;
  }
  return (
    (Node.isFunctionDeclaration(parent) ||
      Node.isClassDeclaration(parent) ||
      Node.isVariableDeclaration(parent)) &&
    parent.getNameNode() === identifier
  );
}
