import { lineOf } from '../../facts/line-of.js';
import { Node, SyntaxKind } from 'ts-morph';
import type { ClassDeclaration, Decorator } from 'ts-morph';
import type { Expr } from '../../facts/expr.js';
import { toExpr } from '../../facts/to-expr.js';
import type { ParsedFile } from '../types.js';
import { argExprs } from './arg-exprs.js';
import { nestFamily } from './library-target.js';
import type {
  NestHandler,
  NestModuleItem,
  NestProcessorItem,
} from './types.js';
import { descendantsOfKind } from '../../facts/descendants.js';

const MODULE_METHODS = new Set([
  'forRoot',
  'forRootAsync',
  'registerQueue',
  'registerQueueAsync',
]);

/** `BullModule.forRoot/registerQueue(...)` calls and `@Processor` classes. */
export function extractNestItems(
  file: ParsedFile,
): (NestModuleItem | NestProcessorItem)[] {
  if (!file.importsModule((module) => nestFamily(module) !== undefined)) {
    return [];
  }
  return [...moduleCalls(file), ...processors(file)];
}

function moduleCalls(file: ParsedFile): NestModuleItem[] {
  const items: NestModuleItem[] = [];
  for (const call of file.calls) {
    const callee = call.getExpression();
    if (
      !Node.isPropertyAccessExpression(callee) ||
      !MODULE_METHODS.has(callee.getName())
    ) {
      continue;
    }
    const receiver = callee.getExpression();
    const fact = Node.isIdentifier(receiver)
      ? file.importOf(receiver.getText())
      : undefined;
    if (!fact || fact.imported !== 'BullModule' || !nestFamily(fact.module)) {
      continue;
    }
    items.push({
      kind: 'nest-module',
      module: fact.module,
      method: callee.getName(),
      args: argExprs(call.getArguments()),
      line: lineOf(callee.getNameNode()),
    });
  }
  return items;
}

function processors(file: ParsedFile): NestProcessorItem[] {
  const items: NestProcessorItem[] = [];
  for (const decorator of file.decorators) {
    const module = nestImport(file, decorator, 'Processor');
    const cls = decorator.getParent();
    if (module === undefined || !Node.isClassDeclaration(cls)) {
      continue;
    }
    items.push({
      kind: 'nest-processor',
      module,
      args: argExprs(decorator.getArguments()),
      handlers: handlersOf(file, cls, module),
      jobCases: jobCasesOf(cls),
      line: lineOf(decorator),
    });
  }
  return items;
}

/** The Nest module `decorator` comes from, when it is that module's `name`. */
function nestImport(
  file: ParsedFile,
  decorator: Decorator,
  name: string,
): string | undefined {
  const fact = file.importOf(decorator.getName());
  if (!fact || fact.imported !== name || !nestFamily(fact.module)) {
    return undefined;
  }
  return fact.module;
}

/** Bull-flavour handlers: methods decorated `@Process(...)`. */
function handlersOf(
  file: ParsedFile,
  cls: ClassDeclaration,
  module: string,
): NestHandler[] {
  const handlers: NestHandler[] = [];
  for (const method of cls.getMethods()) {
    for (const decorator of method.getDecorators()) {
      if (nestImport(file, decorator, 'Process') === module) {
        handlers.push({
          args: argExprs(decorator.getArguments()),
          line: lineOf(decorator),
        });
      }
    }
  }
  return handlers;
}

/**
 * BullMQ-flavour processors have one `process(job)` method; the job names
 * it handles are the labels of a `switch (job.name)` when it has one.
 */
function jobCasesOf(cls: ClassDeclaration): Expr[] {
  const process = cls.getMethod('process');
  if (!process) {
    return [];
  }
  const cases: Expr[] = [];
  for (const statement of descendantsOfKind(
    process,
    SyntaxKind.SwitchStatement,
  )) {
    const subject = statement.getExpression();
    if (
      !Node.isPropertyAccessExpression(subject) ||
      subject.getName() !== 'name'
    ) {
      continue;
    }
    for (const clause of statement.getClauses()) {
      if (Node.isCaseClause(clause)) {
        cases.push(toExpr(clause.getExpression()));
      }
    }
  }
  return cases;
}
