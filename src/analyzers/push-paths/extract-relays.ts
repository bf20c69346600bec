import { lineOf } from '../../facts/line-of.js';
import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import { toExpr } from '../../facts/to-expr.js';
import { methodCall, rootIdentifier } from '../shared/call-shape.js';
import {
  calledLocalFunctions,
  localFunction,
} from '../shared/local-function.js';
import type { LocalFunction } from '../shared/local-function.js';
import type { ParsedFile } from '../types.js';
import {
  MESSAGE_EVENTS,
  REDIS_MODULES,
  SUBSCRIBE_METHODS,
} from './push-rules.js';
import type { FileTraits } from './socket-sends.js';
import { socketSendOf } from './socket-sends.js';
import type { PushItem, SocketSend } from './types.js';
import { descendantsOfKind } from '../../facts/descendants.js';

/** Receivers that are client connections: their `message` events come from browsers. */
const CONNECTION_NAMES = new Set([
  'ws',
  'socket',
  'conn',
  'connection',
  'websocket',
]);

/**
 * Redis pub/sub in this file: subscriptions, publishes, and message
 * handlers that write to sockets (relays). A handler's sends include those
 * of the local functions it calls, one level deep.
 */
export function extractRelays(
  file: ParsedFile,
  traits: FileTraits,
): PushItem[] {
  const redis = file.importsModule((m) => REDIS_MODULES.has(m));
  const nodeRedis = file.importsModule(
    (m) => m === 'redis' || m === '@redis/client',
  );
  const items: PushItem[] = [];
  for (const call of file.calls) {
    const shape = methodCall(call);
    const receiver = shape?.receiver.getText() ?? '';
    if (!shape || !(redis || /sub|redis/i.test(receiver))) {
      continue;
    }
    const line = lineOf(call);
    const [first, ...rest] = call.getArguments();
    if (isMessageHandler(shape.method, first, rootIdentifier(shape.receiver))) {
      const sends = handlerSends(localFunction(rest[0]), traits);
      if (sends.length > 0) {
        items.push({
          kind: 'relay',
          line,
          detail: `${receiver}.on(${first?.getText()})`,
          sends,
        });
      }
    }
    if (shape.method in SUBSCRIBE_METHODS && first) {
      items.push(
        ...subscription(
          call,
          shape.method,
          nodeRedis && !file.importsModule((m) => m === 'ioredis'),
          traits,
        ),
      );
    }
    if (shape.method === 'publish' && first && rest.length > 0) {
      items.push({ kind: 'publish', line, channel: toExpr(first) });
    }
  }
  return items;
}

function isMessageHandler(
  method: string,
  event: Node | undefined,
  root: string | undefined,
): boolean {
  const name =
    event &&
    (Node.isStringLiteral(event) || Node.isNoSubstitutionTemplateLiteral(event))
      ? event.getLiteralValue()
      : undefined;
  return (
    (method === 'on' || method === 'addListener') &&
    name !== undefined &&
    MESSAGE_EVENTS.has(name) &&
    !CONNECTION_NAMES.has(root ?? '')
  );
}

/**
 * `subscribe('a', 'b')` channels; with node-redis a function argument is
 * the message listener (with ioredis it is only a completion callback).
 */
function subscription(
  call: CallExpression,
  method: string,
  listenerForm: boolean,
  traits: FileTraits,
): PushItem[] {
  const line = lineOf(call);
  const pattern = SUBSCRIBE_METHODS[method] === true;
  const args = call.getArguments();
  const channels = args.filter((arg) => !localFunction(arg));
  const items: PushItem[] = channels.map((arg) => ({
    kind: 'subscribe',
    line,
    channel: toExpr(arg),
    pattern,
  }));
  const listener = listenerForm
    ? args.map((arg) => localFunction(arg)).find((fn) => fn)
    : undefined;
  const sends = handlerSends(listener, traits);
  const channel = channels[0];
  if (sends.length > 0 && channel) {
    const detail = `${call.getExpression().getText()}(${channel.getText()}, listener)`;
    items.push({
      kind: 'relay',
      line,
      detail,
      channel: toExpr(channel),
      sends,
    });
  }
  return items;
}

function handlerSends(
  handler: LocalFunction | undefined,
  traits: FileTraits,
): SocketSend[] {
  if (!handler) {
    return [];
  }
  const sends: SocketSend[] = [];
  for (const fn of [handler, ...calledLocalFunctions(handler)]) {
    for (const call of descendantsOfKind(fn, SyntaxKind.CallExpression)) {
      const send = socketSendOf(call, traits);
      if (send && !sends.some((s) => s.line === send.line)) {
        sends.push(send);
      }
    }
  }
  return sends.sort((a, b) => a.line - b.line);
}
