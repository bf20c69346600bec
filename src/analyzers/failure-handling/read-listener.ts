import { lineOf } from '../../facts/line-of.js';
import { Node } from 'ts-morph';
import type { CallExpression, Decorator } from 'ts-morph';
import type { Expr } from '../../facts/expr.js';
import type { ParsedFile } from '../../facts/parsed-file.js';
import { toExpr } from '../../facts/to-expr.js';
import { methodCall } from '../shared/call-shape.js';
import { localFunction } from '../shared/local-function.js';
import { effectsOf } from './body-effects.js';
import { importsQueueLibrary, NEST_QUEUE_MODULES } from './queue-modules.js';
import type { RawListener } from './types.js';

const EVENTS = new Set([
  'failed',
  'stalled',
  'error',
  'global:failed',
  'global:stalled',
  'global:error',
]);
const LISTEN_METHODS = new Set(['on', 'once', 'addListener']);
const FIXED_EVENT_DECORATORS: Record<string, string> = {
  OnQueueFailed: 'failed',
  OnQueueStalled: 'stalled',
  OnQueueError: 'error',
  OnGlobalQueueFailed: 'global:failed',
  OnGlobalQueueStalled: 'global:stalled',
  OnGlobalQueueError: 'global:error',
};

/** `worker.on('failed', fn)`, `queue.on('global:stalled', fn)`, `events.on('error', fn)`. */
export function readListenerCall(
  file: ParsedFile,
  call: CallExpression,
): RawListener | undefined {
  const shape = methodCall(call);
  const [event, handler] = call.getArguments();
  if (
    !shape ||
    !LISTEN_METHODS.has(shape.method) ||
    !Node.isStringLiteral(event)
  ) {
    return undefined;
  }
  if (!EVENTS.has(event.getLiteralValue())) {
    return undefined;
  }
  const fn = localFunction(handler);
  return {
    type: 'listener',
    event: event.getLiteralValue(),
    receiver: toExpr(shape.receiver),
    queueFile: importsQueueLibrary(file),
    line: lineOf(call),
    ...effectsOf(fn?.getBody()),
  };
}

/** `@OnWorkerEvent('failed')`, `@OnQueueEvent('stalled')`, `@OnQueueFailed()` on a method. */
export function readListenerDecorator(
  file: ParsedFile,
  decorator: Decorator,
): RawListener | undefined {
  const name = decorator.getName();
  if (!NEST_QUEUE_MODULES.has(file.importOf(name)?.module ?? '')) {
    return undefined;
  }
  const event = FIXED_EVENT_DECORATORS[name] ?? writtenEvent(name, decorator);
  const method = decorator.getParent();
  if (
    event === undefined ||
    !EVENTS.has(event) ||
    !Node.isMethodDeclaration(method)
  ) {
    return undefined;
  }
  const listener: RawListener = {
    type: 'listener',
    event,
    queueFile: true,
    line: lineOf(decorator),
    ...effectsOf(method.getBody()),
  };
  const queue = classQueue(method);
  if (queue) {
    listener.classQueue = queue;
  }
  return listener;
}

/** `'failed'`, or an enum member such as `BullQueueEvents.GLOBAL_FAILED`. */
function writtenEvent(name: string, decorator: Decorator): string | undefined {
  if (name !== 'OnWorkerEvent' && name !== 'OnQueueEvent') {
    return undefined;
  }
  const arg = decorator.getArguments()[0];
  if (Node.isStringLiteral(arg)) {
    return arg.getLiteralValue();
  }
  if (Node.isPropertyAccessExpression(arg)) {
    return arg
      .getName()
      .toLowerCase()
      .replace(/^global_/, 'global:');
  }
  return undefined;
}

/** The queue named by the class's `@Processor(...)` or `@QueueEventsListener(...)`. */
export function classQueue(member: Node): Expr | undefined {
  const cls = member.getParent();
  if (!Node.isClassDeclaration(cls)) {
    return undefined;
  }
  for (const decorator of cls.getDecorators()) {
    const name = decorator.getName();
    if (name === 'Processor' || name === 'QueueEventsListener') {
      const arg = decorator.getArguments()[0];
      return arg ? toExpr(arg) : undefined;
    }
  }
  return undefined;
}
