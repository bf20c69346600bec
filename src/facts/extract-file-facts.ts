import { createWrappedNode, ts } from 'ts-morph';
import type { Analyzer } from '../analyzers/types.js';
import { extractModuleFacts } from './extract-module-facts.js';
import type { ParsedFile } from './parsed-file.js';
import { indexParsedFile } from './parsed-file.js';
import { exprOf } from './expr-of.js';
import { lineAt } from './node-text.js';
import type { FileFacts, LocalCallFact } from './types.js';

/** An analyzer that threw on a file; the others still ran. */
export interface ExtractFailure {
  analyzer: string;
  file: string;
  message: string;
}

export type ExtractResult =
  | { facts: FileFacts; failures: ExtractFailure[] }
  | { skip: 'parse-error' | 'too-deep'; message: string };

/**
 * Parses one file (syntax only, no type checker) and takes the facts every
 * analyzer needs. The tree is released before returning, so memory follows
 * one file at a time, not the repository.
 */
export class FactExtractor {
  constructor(private readonly analyzers: readonly Analyzer[]) {}

  /** Module facts and, unless `moduleOnly`, every analyzer's items. */
  extract(path: string, text: string, moduleOnly = false): ExtractResult {
    try {
      // The parser recurses too: a deep enough expression overflows it before any walk.
      return moduleOnly
        ? { facts: moduleFactsOf(path, text), failures: [] }
        : this.fullFacts(path, text);
    } catch (error) {
      if (error instanceof RangeError) {
        return { skip: 'too-deep', message: error.message };
      }
      throw error;
    }
  }

  private fullFacts(path: string, text: string): ExtractResult {
    const compiled = parse(path, text);
    const diagnostics = (compiled as { parseDiagnostics?: unknown[] })
      .parseDiagnostics;
    if (diagnostics && diagnostics.length > 0) {
      return { skip: 'parse-error', message: firstDiagnostic(diagnostics[0]) };
    }
    const module = extractModuleFacts(compiled);
    // Analyzers read ts-morph's nodes; wrapping a parsed file in a context
    // of its own skips the project and language service a parse would go
    // through, which cost a third again of the parse.
    const sourceFile = createWrappedNode(compiled);
    const facts: FileFacts = { file: path, ...module, items: {} };
    const failures: ExtractFailure[] = [];
    const parsed = indexParsedFile(path, sourceFile, module.imports);
    const calls = localCalls(parsed, facts);
    if (calls.length > 0) {
      facts.calls = calls;
    }
    for (const analyzer of this.analyzers) {
      try {
        const items = analyzer.extract(parsed);
        if (items.length > 0) {
          facts.items[analyzer.id] = items;
        }
      } catch (error) {
        failures.push({
          analyzer: analyzer.id,
          file: path,
          message: messageOf(error),
        });
      }
    }
    return { facts, failures };
  }
}

/**
 * Calls of functions the file imports or declares at the top level, with
 * their arguments: a factory such as `createQueue(name, opts)` learns its
 * queue names from these.
 */
function localCalls(parsed: ParsedFile, facts: FileFacts): LocalCallFact[] {
  const sourceFile = parsed.sourceFile.compilerNode;
  const calls: LocalCallFact[] = [];
  for (const { compilerNode: call } of parsed.calls) {
    if (!ts.isIdentifier(call.expression)) {
      continue;
    }
    const name = call.expression.getText(sourceFile);
    const binding = facts.bindings[name];
    if (binding?.k !== 'fn' && !parsed.importOf(name)) {
      continue;
    }
    const args = call.arguments.map((arg) => exprOf(arg, sourceFile));
    calls.push({ callee: name, args, line: lineAt(call, sourceFile) });
  }
  return calls;
}

/**
 * Imports, exports and bindings of a file no analyzer reads, for a name
 * that leads into it. Syntax errors are tolerated: the parser recovers, and
 * a binding it did read is still worth having.
 */
function moduleFactsOf(path: string, text: string): FileFacts {
  return { file: path, ...extractModuleFacts(parse(path, text)), items: {} };
}

/** The compiler's parse, with parent links and without JSDoc, which nothing reads. */
function parse(path: string, text: string): ts.SourceFile {
  return ts.createSourceFile(
    `/${path}`,
    text,
    {
      languageVersion: ts.ScriptTarget.Latest,
      jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
    },
    true,
  );
}

function firstDiagnostic(diagnostic: unknown): string {
  const d = diagnostic as { messageText?: unknown; start?: number };
  const text =
    typeof d.messageText === 'string' ? d.messageText : 'syntax error';
  return d.start === undefined ? text : `${text} (at offset ${d.start})`;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
