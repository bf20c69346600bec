import { Node, SyntaxKind, ts } from 'ts-morph';
import type {
  CallExpression,
  ClassDeclaration,
  Decorator,
  NewExpression,
  SourceFile,
} from 'ts-morph';
import type { ImportFact } from './types.js';
import { wrapCompilerNode } from './wrap-compiler-node.js';

/**
 * One parsed file as the analyzers see it: the ts-morph tree plus the nodes
 * every analyzer looks for, gathered in a single walk.
 */
export interface ParsedFile {
  /** Path relative to the analyzed root, with `/`. */
  path: string;
  sourceFile: SourceFile;
  calls: CallExpression[];
  news: NewExpression[];
  classes: ClassDeclaration[];
  decorators: Decorator[];
  imports: ImportFact[];
  /** The import that brought `local` into the file, if any. */
  importOf(local: string): ImportFact | undefined;
  /** Whether the file imports a module whose specifier passes `test`. */
  importsModule(test: (module: string) => boolean): boolean;
}

export function indexParsedFile(
  path: string,
  sourceFile: SourceFile,
  imports: ImportFact[],
): ParsedFile {
  const { calls, news, classes, decorators } = collectNodes(sourceFile);
  const byLocal = new Map(imports.map((fact) => [fact.local, fact]));
  return {
    path,
    sourceFile,
    calls,
    news,
    classes,
    decorators,
    imports,
    importOf: (local) => byLocal.get(local),
    importsModule: (test) => imports.some((fact) => test(fact.module)),
  };
}

/** The compiler-level kinds analyzers start from. */
const COLLECTED = new Set([
  SyntaxKind.CallExpression,
  SyntaxKind.NewExpression,
  SyntaxKind.ClassDeclaration,
  SyntaxKind.Decorator,
]);

/**
 * One iterative walk of the compiler's tree. Wrapping every node in
 * ts-morph objects (or walking with its generators) costs several times the
 * parse, so only the collected nodes are wrapped. An explicit stack keeps a
 * 10,000-deep call chain from overflowing the call stack.
 */
function collectNodes(sourceFile: SourceFile): {
  calls: CallExpression[];
  news: NewExpression[];
  classes: ClassDeclaration[];
  decorators: Decorator[];
} {
  const found: ts.Node[] = [];
  const stack: ts.Node[] = [sourceFile.compilerNode];
  const push = (child: ts.Node): void => {
    stack.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    if (COLLECTED.has(node.kind)) {
      found.push(node);
    }
    ts.forEachChild(node, push);
  }
  found.sort((a, b) => a.pos - b.pos || b.end - a.end);
  const nodes = found.map((node) => wrapCompilerNode(sourceFile, node));
  return {
    calls: nodes.filter((n) => Node.isCallExpression(n)),
    news: nodes.filter((n) => Node.isNewExpression(n)),
    classes: nodes.filter((n) => Node.isClassDeclaration(n)),
    decorators: nodes.filter((n) => Node.isDecorator(n)),
  };
}
