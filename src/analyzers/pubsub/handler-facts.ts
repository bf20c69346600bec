import { lineOf } from '../../facts/line-of.js';
import { Node, SyntaxKind } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import { methodCall } from '../shared/call-shape.js';
import type { HandlerFacts } from './types.js';
import { descendantsOfKind } from '../../facts/descendants.js';

/** Receivers that are sockets, socket servers or HTTP responses. */
const SOCKET_RECEIVER =
  /\b(io|server|socket|sockets|ws|wss|websocket|client|clients|res|response|nsp|namespace)\b|\.(to|in)\(/i;
const SEND_METHODS = new Set(['emit', 'send', 'write']);
const CACHE_RECEIVER = /cache|lru/i;
const CACHE_DROPS = new Set([
  'del',
  'delete',
  'clear',
  'invalidate',
  'evict',
  'reset',
  'unlink',
]);

/**
 * The function a handler argument stands for: an inline function, a
 * function declared in the file, or a method (`this.onMessage`, also
 * `.bind(this)`).
 */
export function handlerFunction(arg: Node | undefined): Node | undefined {
  if (!arg) {
    return undefined;
  }
  if (Node.isArrowFunction(arg) || Node.isFunctionExpression(arg)) {
    return arg;
  }
  if (Node.isCallExpression(arg)) {
    const shape = methodCall(arg);
    return shape?.method === 'bind'
      ? handlerFunction(shape.receiver)
      : undefined;
  }
  if (Node.isIdentifier(arg)) {
    const file = arg.getSourceFile();
    return file.getFunction(arg.getText()) ?? arrowNamed(file, arg.getText());
  }
  if (
    Node.isPropertyAccessExpression(arg) &&
    Node.isThisExpression(arg.getExpression())
  ) {
    const cls = arg.getFirstAncestorByKind(SyntaxKind.ClassDeclaration);
    return cls?.getMethod(arg.getName());
  }
  return undefined;
}

function arrowNamed(file: SourceFile, name: string): Node | undefined {
  const init = file.getVariableDeclaration(name)?.getInitializer();
  return init && (Node.isArrowFunction(init) || Node.isFunctionExpression(init))
    ? init
    : undefined;
}

/** Reads a handler's body for socket sends and cache invalidation. */
export function handlerFacts(fn: Node): HandlerFacts {
  let pushes: string | undefined;
  let invalidates = /invalidat/i.test(fn.getText());
  for (const call of descendantsOfKind(fn, SyntaxKind.CallExpression)) {
    const shape = methodCall(call);
    if (!shape) {
      continue;
    }
    const receiver = shape.receiver.getText();
    if (
      pushes === undefined &&
      SEND_METHODS.has(shape.method) &&
      sendsToSockets(call, receiver)
    ) {
      pushes = `${receiver}.${shape.method}`.replace(/\s+/g, ' ');
    }
    if (CACHE_DROPS.has(shape.method) && CACHE_RECEIVER.test(receiver)) {
      invalidates = true;
    }
  }
  const facts: HandlerFacts = { line: lineOf(fn), invalidates };
  return pushes === undefined ? facts : { ...facts, pushes };
}

/** `io.to(room).emit(...)`, `ws.send(...)`, or a send inside `wss.clients.forEach`. */
function sendsToSockets(call: Node, receiver: string): boolean {
  if (SOCKET_RECEIVER.test(receiver)) {
    return true;
  }
  return call.getAncestors().some((ancestor) => {
    const shape = Node.isCallExpression(ancestor)
      ? methodCall(ancestor)
      : undefined;
    return (
      shape?.method === 'forEach' &&
      /clients|sockets|connections/i.test(shape.receiver.getText())
    );
  });
}
