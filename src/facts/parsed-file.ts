import { Node } from 'ts-morph';
import type {
  CallExpression,
  ClassDeclaration,
  Decorator,
  NewExpression,
  SourceFile,
} from 'ts-morph';
import type { ImportFact } from './types.js';

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
  const calls: CallExpression[] = [];
  const news: NewExpression[] = [];
  const classes: ClassDeclaration[] = [];
  const decorators: Decorator[] = [];
  sourceFile.forEachDescendant((node) => {
    if (Node.isCallExpression(node)) {
      calls.push(node);
    } else if (Node.isNewExpression(node)) {
      news.push(node);
    } else if (Node.isClassDeclaration(node)) {
      classes.push(node);
    } else if (Node.isDecorator(node)) {
      decorators.push(node);
    }
  });
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
