import { lineOf } from '../../facts/line-of.js';
import { Node } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import type { ParsedFile } from '../../facts/parsed-file.js';
import { toExpr } from '../../facts/to-expr.js';
import {
  calleeName,
  methodCall,
  rootIdentifier,
} from '../shared/call-shape.js';
import { receiverOf } from '../shared/redis-receiver.js';
import { adapterFact, ADAPTER_MODULES } from './adapter-fact.js';
import { handlerFacts, handlerFunction } from './handler-facts.js';
import type { PubSubItem } from './types.js';

const PUBLISH = new Set(['publish', 'spublish']);
const SUBSCRIBE: Record<string, boolean> = {
  subscribe: false,
  ssubscribe: false,
  psubscribe: true,
};
const MESSAGE_EVENTS: Record<string, boolean> = {
  message: false,
  messageBuffer: false,
  pmessage: true,
  pmessageBuffer: true,
};
const SQL_METHODS = new Set(['query', 'raw', 'none', 'execute']);

/** Publishers, subscriptions, message handlers, socket.io adapters and Postgres NOTIFY. */
export function extractPubSub(file: ParsedFile): PubSubItem[] {
  const usesAdapter = file.importsModule((module) =>
    ADAPTER_MODULES.has(module),
  );
  return file.calls.flatMap((call) => {
    const root = rootIdentifier(call.getExpression());
    const module = root === undefined ? undefined : file.importOf(root)?.module;
    if (module !== undefined && ADAPTER_MODULES.has(module)) {
      const adapter = adapterFact(call, module, calleeName(call));
      return adapter ? [adapter] : [];
    }
    return itemsOf(call, usesAdapter);
  });
}

function itemsOf(call: CallExpression, usesAdapter: boolean): PubSubItem[] {
  const shape = methodCall(call);
  if (!shape) {
    return [];
  }
  const line = lineOf(call);
  const method = shape.method.toLowerCase();
  const args = call.getArguments();
  if (PUBLISH.has(method) && args[0]) {
    return [
      {
        kind: 'publish',
        line,
        channel: toExpr(args[0]),
        receiver: receiverOf(shape.receiver),
      },
    ];
  }
  if (method in SUBSCRIBE) {
    return [subscribeFact(call, shape.receiver, SUBSCRIBE[method] === true)];
  }
  if (shape.method === 'on' || shape.method === 'addListener') {
    return eventHandler(call, shape.receiver);
  }
  if (shape.method === 'adapter' && usesAdapter) {
    return [{ kind: 'adapter-use', line }];
  }
  const sql = args[0];
  if (
    SQL_METHODS.has(shape.method) &&
    sql &&
    /LISTEN|NOTIFY|pg_notify/i.test(sql.getText())
  ) {
    return [
      {
        kind: 'pg-query',
        line,
        sql: toExpr(sql),
        params: args[1] ? toExpr(args[1]) : null,
      },
    ];
  }
  return [];
}

function subscribeFact(
  call: CallExpression,
  receiver: Node,
  pattern: boolean,
): PubSubItem {
  const args = call.getArguments();
  const last = args.at(-1);
  const fn = args.length > 1 ? handlerFunction(last) : undefined;
  const channels = (fn ? args.slice(0, -1) : args).map((arg) => toExpr(arg));
  return {
    kind: 'subscribe',
    line: lineOf(call),
    channels,
    pattern,
    receiver: receiverOf(receiver),
    ...(fn ? { listener: handlerFacts(fn) } : {}),
  };
}

function eventHandler(call: CallExpression, receiver: Node): PubSubItem[] {
  const [event, handler] = call.getArguments();
  const name =
    event && Node.isStringLiteral(event) ? event.getLiteralValue() : undefined;
  const fn = handlerFunction(handler);
  if (name === undefined || !fn) {
    return [];
  }
  const line = lineOf(call);
  if (name === 'notification') {
    return [{ kind: 'pg-handler', line, handler: handlerFacts(fn) }];
  }
  const pattern = MESSAGE_EVENTS[name];
  if (pattern === undefined || !Object.hasOwn(MESSAGE_EVENTS, name)) {
    return [];
  }
  return [
    {
      kind: 'message-handler',
      line,
      pattern,
      receiver: receiverOf(receiver),
      handler: handlerFacts(fn),
    },
  ];
}
