import { lineOf } from '../../facts/line-of.js';
import { Node } from 'ts-morph';
import type { CallExpression, Decorator, NewExpression } from 'ts-morph';
import { shortText } from '../../facts/to-expr.js';
import {
  calleeName,
  methodCall,
  rootIdentifier,
} from '../shared/call-shape.js';
import type { ParsedFile } from '../types.js';
import {
  CALL_RULES,
  CONSUME_MODULES,
  DECORATOR_RULES,
  HTTP_MODULES,
  NEST_FACTORY,
  NEW_RULES,
  NODE_HTTP,
  PROCESS_MODULES,
  SERVER_NAME,
} from './signal-rules.js';
import { lazyIdentifiers, signalScopes } from './signal-scopes.js';
import type {
  ClassSpan,
  ProcessFact,
  ProcessSignal,
  SignalKind,
} from './types.js';

/** Servers, workers, schedules and bootstraps this file starts, and its classes. */
export function extractProcessFacts(file: ParsedFile): ProcessFact[] {
  return [...extractProcessSignals(file), ...classSpans(file)];
}

/**
 * Top-level classes, so signals other analyzers found (a consumer built in
 * a constructor) can be scoped to their class at build.
 */
function classSpans(file: ParsedFile): ClassSpan[] {
  return file.classes
    .filter(
      (cls) =>
        Node.isSourceFile(cls.getParent()) && cls.getName() !== undefined,
    )
    .map((cls) => ({
      classSpan: cls.getName() ?? '',
      line: lineOf(cls),
      endLine: endLineOf(cls),
    }));
}

function endLineOf(node: Node): number {
  const sourceFile = node.getSourceFile().compilerNode;
  return sourceFile.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
}

function extractProcessSignals(file: ParsedFile): ProcessSignal[] {
  const identifiers = lazyIdentifiers(file.sourceFile);
  const signals: ProcessSignal[] = [];
  const add = (
    node: Node,
    signal: SignalKind | undefined,
    detail: string,
  ): void => {
    if (signal) {
      const scopes = signalScopes(node, identifiers);
      const line = lineOf(node);
      signals.push(
        scopes ? { signal, line, detail, scopes } : { signal, line, detail },
      );
    }
  };

  for (const call of file.calls) {
    add(call, callSignal(file, call), shortText(call.getExpression()));
  }
  for (const created of file.news) {
    add(
      created,
      newSignal(file, created),
      `new ${shortText(created.getExpression())}`,
    );
  }
  for (const decorator of file.decorators) {
    add(decorator, decoratorSignal(file, decorator), `@${decorator.getName()}`);
  }
  return signals;
}

function moduleOf(file: ParsedFile, node: Node): string | undefined {
  const root = rootIdentifier(node);
  return root === undefined ? undefined : file.importOf(root)?.module;
}

function callSignal(
  file: ParsedFile,
  call: CallExpression,
): SignalKind | undefined {
  const method = methodCall(call);
  const module = moduleOf(file, call.getExpression());
  if (method?.receiver.getText() === 'NestFactory') {
    return NEST_FACTORY[method.method];
  }
  const name = calleeName(call);
  const rule = CALL_RULES.find(
    (r) => r.name === name && module && r.modules.has(module),
  );
  if (rule) {
    return rule.signal;
  }
  if (name === 'createServer' && module && NODE_HTTP.has(module)) {
    return 'listen';
  }
  if (isSocketIoFactory(file, call)) {
    return 'websocket';
  }
  return method
    ? methodSignal(file, method.receiver, method.method)
    : undefined;
}

function methodSignal(
  file: ParsedFile,
  receiver: Node,
  method: string,
): SignalKind | undefined {
  if (method === 'listen' && listensOverHttp(file, receiver)) {
    return 'listen';
  }
  if (
    method === 'process' &&
    file.importsModule((m) => PROCESS_MODULES.has(m))
  ) {
    return 'worker';
  }
  if (
    method === 'consume' &&
    file.importsModule((m) => CONSUME_MODULES.has(m))
  ) {
    return 'worker';
  }
  return undefined;
}

/**
 * `listen` is a common method name: it counts when the file imports a web
 * framework or the receiver is named like a server.
 */
function listensOverHttp(file: ParsedFile, receiver: Node): boolean {
  if (
    file.importsModule((m) => m === 'socket.io') &&
    /\bio\b/.test(receiver.getText())
  ) {
    return false;
  }
  return (
    file.importsModule((m) => HTTP_MODULES.has(m)) ||
    SERVER_NAME.test(rootIdentifier(receiver) ?? '')
  );
}

/** `socketio(server)` or `require('socket.io')(server)`. */
function isSocketIoFactory(file: ParsedFile, call: CallExpression): boolean {
  const callee = call.getExpression();
  if (Node.isIdentifier(callee)) {
    const fact = file.importOf(callee.getText());
    return fact?.module === 'socket.io' && fact.imported === 'default';
  }
  return /^require\(\s*['"]socket\.io['"]\s*\)$/.test(callee.getText());
}

function newSignal(
  file: ParsedFile,
  created: NewExpression,
): SignalKind | undefined {
  const name = calleeName(created);
  const module = moduleOf(file, created.getExpression());
  const rule = NEW_RULES.find(
    (r) => r.name === name && module && r.modules.has(module),
  );
  return rule?.signal;
}

function decoratorSignal(
  file: ParsedFile,
  decorator: Decorator,
): SignalKind | undefined {
  const name = decorator.getName();
  const module = file.importOf(name)?.module;
  const rule = DECORATOR_RULES.find(
    (r) => r.name === name && module && r.modules.has(module),
  );
  return rule?.signal;
}
