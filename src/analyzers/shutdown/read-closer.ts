import { lineOf } from '../../facts/line-of.js';
import { Node } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import type { LocalFunction } from '../shared/local-function.js';
import { shutdownBody } from './shutdown-body.js';
import type { RawCloser } from './types.js';

const CLOSER_HINT =
  /\.(close|quit|disconnect|\$disconnect|stop|terminate|end|destroy|shutdown|drain)\(|process\.exit/;

/**
 * Top-level functions that close something: a handler in another file may
 * call them (`process.on('SIGTERM', gracefulShutdown)` with the function
 * imported). Only functions that close or force an exit are kept.
 */
export function readClosers(sourceFile: SourceFile): RawCloser[] {
  const closers: RawCloser[] = [];
  // Reading every function of every candidate is costly; a closer must say so.
  if (!CLOSER_HINT.test(sourceFile.getFullText())) {
    return closers;
  }
  for (const [name, fn] of topLevelFunctions(sourceFile)) {
    if (!CLOSER_HINT.test(fn.getText())) {
      continue;
    }
    const body = shutdownBody(fn);
    if (body.closes.length > 0 || body.timeouts.length > 0) {
      closers.push({
        type: 'closer',
        name,
        line: lineOf(fn),
        ...body,
      });
    }
  }
  return closers;
}

function topLevelFunctions(sourceFile: SourceFile): [string, LocalFunction][] {
  const found: [string, LocalFunction][] = [];
  for (const statement of sourceFile.getStatements()) {
    if (Node.isFunctionDeclaration(statement)) {
      found.push([statement.getName() ?? 'default', statement]);
    } else if (Node.isVariableStatement(statement)) {
      for (const decl of statement.getDeclarations()) {
        const init = decl.getInitializer();
        if (Node.isArrowFunction(init) || Node.isFunctionExpression(init)) {
          found.push([decl.getName(), init]);
        }
      }
    }
  }
  return found;
}
