import { lineOf } from './line-of.js';
import { Node, Project, ts } from 'ts-morph';
import type { Analyzer } from '../analyzers/types.js';
import { extractModuleFacts } from './extract-module-facts.js';
import type { ParsedFile } from './parsed-file.js';
import { indexParsedFile } from './parsed-file.js';
import { toExpr } from './to-expr.js';
import type { FileFacts, LocalCallFact } from './types.js';

/** Files parsed into one project before it is replaced. */
const FILES_PER_PROJECT = 32;

function newProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    compilerOptions: { allowJs: true, jsx: ts.JsxEmit.Preserve, noLib: true },
  });
}

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
 * Parses one file with ts-morph (syntax only, no type checker) and takes the
 * facts every analyzer needs. The tree is released before returning, so
 * memory follows one file at a time, not the repository.
 */
export class FactExtractor {
  private project = newProject();
  private filesInProject = 0;

  constructor(private readonly analyzers: readonly Analyzer[]) {}

  /** Module facts and, unless `moduleOnly`, every analyzer's items. */
  extract(path: string, text: string, moduleOnly = false): ExtractResult {
    try {
      // The parser recurses too: a deep enough expression overflows it before any walk.
      const sourceFile = this.nextProject().createSourceFile(`/${path}`, text, {
        overwrite: true,
      });
      const diagnostics = (
        sourceFile.compilerNode as { parseDiagnostics?: unknown[] }
      ).parseDiagnostics;
      if (diagnostics && diagnostics.length > 0 && !moduleOnly) {
        return {
          skip: 'parse-error',
          message: firstDiagnostic(diagnostics[0]),
        };
      }
      const module = extractModuleFacts(sourceFile);
      const facts: FileFacts = { file: path, ...module, items: {} };
      const failures: ExtractFailure[] = [];
      if (!moduleOnly) {
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
      }
      return { facts, failures };
    } catch (error) {
      if (error instanceof RangeError) {
        return { skip: 'too-deep', message: error.message };
      }
      throw error;
    }
  }

  /**
   * A fresh project every few files, dropped whole for the garbage
   * collector: removing files one by one makes ts-morph visit every wrapper
   * it made, which cost more than the parse.
   */
  private nextProject(): Project {
    if (++this.filesInProject > FILES_PER_PROJECT) {
      this.project = newProject();
      this.filesInProject = 1;
    }
    return this.project;
  }
}

/**
 * Calls of functions the file imports or declares at the top level, with
 * their arguments: a factory such as `createQueue(name, opts)` learns its
 * queue names from these.
 */
function localCalls(parsed: ParsedFile, facts: FileFacts): LocalCallFact[] {
  const calls: LocalCallFact[] = [];
  for (const call of parsed.calls) {
    const callee = call.getExpression();
    if (!Node.isIdentifier(callee)) {
      continue;
    }
    const name = callee.getText();
    const binding = facts.bindings[name];
    if (binding?.k !== 'fn' && !parsed.importOf(name)) {
      continue;
    }
    const args = call.getArguments().map((arg) => toExpr(arg));
    calls.push({ callee: name, args, line: lineOf(call) });
  }
  return calls;
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
