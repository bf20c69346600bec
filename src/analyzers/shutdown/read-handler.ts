import { lineOf } from '../../facts/line-of.js';
import { Node } from 'ts-morph';
import type {
  CallExpression,
  ClassDeclaration,
  ObjectLiteralExpression,
} from 'ts-morph';
import type { Expr } from '../../facts/expr.js';
import type { ParsedFile } from '../../facts/parsed-file.js';
import { toExpr } from '../../facts/to-expr.js';
import {
  calleeName,
  methodCall,
  rootIdentifier,
} from '../shared/call-shape.js';
import { localFunction } from '../shared/local-function.js';
import { shutdownBody } from './shutdown-body.js';
import type { RawClose, RawHandler } from './types.js';

const LISTEN_METHODS = new Set([
  'on',
  'once',
  'addListener',
  'prependListener',
]);
export const SHUTDOWN_SIGNALS = new Set([
  'SIGTERM',
  'SIGINT',
  'SIGHUP',
  'SIGQUIT',
  'beforeExit',
]);
/** NestJS lifecycle methods that run on shutdown. */
export const LIFECYCLE_HOOKS = [
  'onModuleDestroy',
  'beforeApplicationShutdown',
  'onApplicationShutdown',
];
const TERMINUS_MODULES = new Set(['@godaddy/terminus', 'terminus']);

/** `process.on('SIGTERM', fn)`, `app.enableShutdownHooks()`, terminus, close-with-grace. */
export function readHandlerCall(
  file: ParsedFile,
  call: CallExpression,
): RawHandler | undefined {
  const shape = methodCall(call);
  const args = call.getArguments();
  const line = lineOf(call);
  if (
    shape &&
    LISTEN_METHODS.has(shape.method) &&
    shape.receiver.getText() === 'process'
  ) {
    const signal = args[0];
    const literal = Node.isStringLiteral(signal)
      ? signal.getLiteralValue()
      : undefined;
    if (!signal || (literal !== undefined && !SHUTDOWN_SIGNALS.has(literal))) {
      return undefined;
    }
    return handlerOf(toExpr(signal), args[1], line);
  }
  if (shape?.method === 'enableShutdownHooks') {
    const trigger = literalExpr('enableShutdownHooks', line);
    return {
      ...handlerOf(trigger, undefined, line),
      implicit: [closeOf(shape.receiver, 'close', line)],
    };
  }
  const root = rootIdentifier(call.getExpression());
  const module = root === undefined ? undefined : file.importOf(root)?.module;
  if (
    module !== undefined &&
    TERMINUS_MODULES.has(module) &&
    calleeName(call) === 'createTerminus'
  ) {
    return terminus(call, args);
  }
  if (module === 'close-with-grace') {
    return closeWithGrace(call, args);
  }
  return undefined;
}

/** NestJS lifecycle hooks: `onModuleDestroy()` and the shutdown hooks after it. */
export function readLifecycleHooks(cls: ClassDeclaration): RawHandler[] {
  return LIFECYCLE_HOOKS.flatMap((hook) => {
    const method = cls.getMethod(hook);
    if (!method) {
      return [];
    }
    const line = lineOf(method);
    return [
      {
        type: 'handler',
        trigger: literalExpr(hook, line),
        implicit: [],
        line,
        ...shutdownBody(method),
      },
    ];
  });
}

/** `createTerminus(server, { signals, onSignal, timeout })`: terminus closes the server. */
function terminus(call: CallExpression, args: Node[]): RawHandler {
  const [server, options] = args;
  const line = lineOf(call);
  const opts = Node.isObjectLiteralExpression(options) ? options : undefined;
  const signals =
    opts && (property(opts, 'signals') ?? property(opts, 'signal'));
  const trigger = signals ? toExpr(signals) : literalExpr('terminus', line);
  const handler = handlerOf(trigger, opts && property(opts, 'onSignal'), line);
  handler.implicit = server ? [closeOf(server, 'close', line)] : [];
  const timeout = opts && property(opts, 'timeout');
  if (timeout) {
    handler.timeoutOption = toExpr(timeout);
  }
  return handler;
}

/** `closeWithGrace({ delay }, async ({ signal }) => ...)`. */
function closeWithGrace(call: CallExpression, args: Node[]): RawHandler {
  const line = lineOf(call);
  const handler = handlerOf(
    literalExpr('close-with-grace', line),
    args[args.length - 1],
    line,
  );
  const options = args.length > 1 ? args[0] : undefined;
  const delay = Node.isObjectLiteralExpression(options)
    ? property(options, 'delay')
    : undefined;
  if (delay) {
    handler.timeoutOption = toExpr(delay);
  }
  return handler;
}

function handlerOf(
  trigger: Expr,
  handler: Node | undefined,
  line: number,
): RawHandler {
  const fn = localFunction(handler);
  const raw: RawHandler = {
    type: 'handler',
    trigger,
    implicit: [],
    line,
    ...shutdownBody(fn),
  };
  if (!fn && handler && Node.isIdentifier(handler)) {
    raw.handlerRef = toExpr(handler);
  }
  return raw;
}

function closeOf(receiver: Node, method: string, line: number): RawClose {
  return { receiver: toExpr(receiver), method, line };
}

function property(
  options: ObjectLiteralExpression,
  name: string,
): Node | undefined {
  const prop = options.getProperty(name);
  if (Node.isPropertyAssignment(prop)) {
    return prop.getInitializer();
  }
  return Node.isShorthandPropertyAssignment(prop)
    ? prop.getNameNode()
    : undefined;
}

function literalExpr(value: string, line: number): Expr {
  return { k: 'lit', v: value, text: value, line };
}
