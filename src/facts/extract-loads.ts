import { ts } from 'ts-morph';
import type { LoadFact } from './types.js';

/**
 * Modules a file loads without binding names: side-effect imports,
 * `require()` calls whose result is not a declared variable (those are
 * imports already), and dynamic `import()`. Walks the compiler tree
 * directly because it runs on every file whose module facts are taken.
 */
export function extractLoads(root: ts.SourceFile): LoadFact[] {
  const loads: LoadFact[] = [];
  const lineOf = (node: ts.Node): number =>
    root.getLineAndCharacterOfPosition(node.getStart(root)).line + 1;

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause) {
      const module = stringLiteral(node.moduleSpecifier);
      if (module !== undefined) {
        loads.push({ module, line: lineOf(node), dynamic: false });
      }
    } else if (ts.isCallExpression(node)) {
      const load = loadOf(node);
      if (load) {
        loads.push({ ...load, line: lineOf(node) });
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(root, visit);
  return loads;
}

function loadOf(call: ts.CallExpression): Omit<LoadFact, 'line'> | undefined {
  const first = call.arguments[0];
  const module = first ? stringLiteral(first) : undefined;
  if (module === undefined) {
    return undefined;
  }
  if (call.expression.kind === ts.SyntaxKind.ImportKeyword) {
    return { module, dynamic: true };
  }
  if (!ts.isIdentifier(call.expression) || call.expression.text !== 'require') {
    return undefined;
  }
  // `const x = require('./x')` is recorded as an import with its names.
  if (ts.isVariableDeclaration(call.parent)) {
    return undefined;
  }
  return { module, dynamic: !ts.isExpressionStatement(call.parent) };
}

function stringLiteral(node: ts.Node): string | undefined {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
    ? node.text
    : undefined;
}
