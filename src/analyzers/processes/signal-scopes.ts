import { ts } from 'ts-morph';
import type { Node, SourceFile } from 'ts-morph';
import { walkDescendants } from '../../facts/descendants.js';

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
  identifiers: () => IdentifierIndex,
): string[] | undefined {
  const sourceFile = node.getSourceFile().compilerNode;
  const owner = topLevelOwner(node.compilerNode, sourceFile);
  if (owner === undefined) {
    return undefined;
  }
  const scopes = new Set<string>();
  return collect(owner, identifiers(), sourceFile, scopes, 0)
    ? [...scopes].sort()
    : undefined;
}

/** A file's identifiers by name, in source order. */
type IdentifierIndex = ReadonlyMap<string, readonly ts.Identifier[]>;

/**
 * The identifiers of a file by name, listed once and only if a signal
 * needs them. Compiler nodes: a file has thousands, and wrapping each in a
 * ts-morph node cost more than the rest of the processes analyzer.
 */
export function lazyIdentifiers(sourceFile: SourceFile): () => IdentifierIndex {
  let index: IdentifierIndex | undefined;
  return () => {
    index ??= identifiersByName(sourceFile.compilerNode);
    return index;
  };
}

function identifiersByName(root: ts.SourceFile): IdentifierIndex {
  const byName = new Map<string, ts.Identifier[]>();
  walkDescendants(root, (node) => {
    if (ts.isIdentifier(node)) {
      const list = byName.get(node.text);
      if (list) {
        list.push(node);
      } else {
        byName.set(node.text, [node]);
      }
    }
  });
  return byName;
}

/** Adds `name` and its users; false when some use runs on load. */
function collect(
  name: string,
  identifiers: IdentifierIndex,
  sourceFile: ts.SourceFile,
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

  for (const use of identifiers.get(name) ?? []) {
    if (isNotAUse(use)) {
      continue;
    }
    const caller = topLevelOwner(use, sourceFile);
    if (caller === undefined) {
      return false;
    }
    if (
      caller !== name &&
      !collect(caller, identifiers, sourceFile, scopes, hops + 1)
    ) {
      return false;
    }
  }
  return true;
}

/** Name of the top-level function, class or function-valued const around `node`. */
function topLevelOwner(
  node: ts.Node,
  sourceFile: ts.SourceFile,
): string | undefined {
  let statement: ts.Node | undefined = node.parent;
  while (statement?.parent && !ts.isSourceFile(statement.parent)) {
    statement = statement.parent;
  }
  if (!statement?.parent) {
    return undefined;
  }
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
    return statement.name?.getText(sourceFile) ?? 'default';
  }
  if (!ts.isVariableStatement(statement)) {
    return undefined;
  }
  for (const decl of statement.declarationList.declarations) {
    const init = decl.initializer;
    const deferred =
      init &&
      (ts.isArrowFunction(init) ||
        ts.isFunctionExpression(init) ||
        ts.isClassExpression(init));
    if (deferred && node.pos >= init.pos && node.end <= init.end) {
      return decl.name.getText(sourceFile);
    }
  }
  return undefined;
}

/** Declaring or exporting a name (`function f`, `export { f }`) does not run it. */
function isNotAUse(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (ts.isExportSpecifier(parent) || ts.isExportAssignment(parent)) {
    return true;
  }
  return (
    (ts.isFunctionDeclaration(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isVariableDeclaration(parent)) &&
    parent.name === identifier
  );
}
