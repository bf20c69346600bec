import { lineOf } from '../../facts/line-of.js';
import type { CallExpression } from 'ts-morph';
import { shortText } from '../../facts/to-expr.js';
import { methodCall, rootIdentifier } from '../shared/call-shape.js';
import type { ParsedFile } from '../types.js';
import type { SocketSend } from './types.js';

const WS_MODULES = new Set([
  'ws',
  'express-ws',
  '@fastify/websocket',
  'uWebSockets.js',
]);

/** What a file uses, which decides how a `send`, `emit` or `write` reads. */
export interface FileTraits {
  socketIo: boolean;
  ws: boolean;
  sseHeader: boolean;
  sseDecorator: boolean;
}

export function fileTraits(file: ParsedFile): FileTraits {
  const text = file.sourceFile.getFullText();
  return {
    socketIo: file.importsModule(
      (m) =>
        m === 'socket.io' ||
        m === '@nestjs/websockets' ||
        m.startsWith('@socket.io/'),
    ),
    ws:
      file.importsModule((m) => WS_MODULES.has(m)) ||
      text.includes('WebSocket'),
    sseHeader: text.includes('text/event-stream'),
    sseDecorator: file.decorators.some(
      (d) =>
        d.getName() === 'Sse' &&
        file.importOf('Sse')?.module === '@nestjs/common',
    ),
  };
}

/** Chains that address many clients through the server. */
const BROADCAST_CHAIN = /\.(to|in|except|of)\(|\.broadcast\b|\.sockets\b/;
const SERVER_ROOT = new Set([
  'io',
  'server',
  'nsp',
  'namespace',
  'socketServer',
]);
/** Receivers of `send` and `write` that are HTTP responses or brokers, not sockets. */
const NOT_A_SOCKET = new Set([
  'res',
  'response',
  'reply',
  'ctx',
  'channel',
  'producer',
  'queue',
]);

/** The socket write `call` performs, if it is one. */
export function socketSendOf(
  call: CallExpression,
  traits: FileTraits,
): SocketSend | undefined {
  const shape = methodCall(call);
  if (!shape) {
    return undefined;
  }
  const receiver = shape.receiver.getText();
  const root = serverRoot(receiver, rootIdentifier(shape.receiver));
  const line = lineOf(call);
  const detail = shortText(call.getExpression());

  if (shape.method === 'emit') {
    const server =
      root === 'io' || (traits.socketIo && SERVER_ROOT.has(root ?? ''));
    const broadcast = BROADCAST_CHAIN.test(receiver) || server;
    const single = traits.socketIo && /socket|client/i.test(root ?? '');
    return broadcast || single
      ? { transport: 'socket.io', line, detail, broadcast }
      : undefined;
  }
  if (shape.method === 'send' && traits.ws && !NOT_A_SOCKET.has(root ?? '')) {
    return { transport: 'websocket', line, detail, broadcast: false };
  }
  if (shape.method === 'write' && isSseWrite(call, receiver, traits)) {
    return { transport: 'sse', line, detail, broadcast: false };
  }
  if (shape.method === 'next' && traits.sseDecorator) {
    return { transport: 'sse', line, detail, broadcast: false };
  }
  return undefined;
}

/** `this.server` is named by its property; other chains by their root. */
function serverRoot(
  receiver: string,
  root: string | undefined,
): string | undefined {
  const member = /^this\.(\w+)/.exec(receiver);
  return member?.[1] ?? root;
}

function isSseWrite(
  call: CallExpression,
  receiver: string,
  traits: FileTraits,
): boolean {
  const first = call.getArguments()[0]?.getText() ?? '';
  if (/^[`'"](data|event|id|retry):/.test(first)) {
    return true;
  }
  return (
    traits.sseHeader && /res|response|reply|raw|stream|client/i.test(receiver)
  );
}
