import { lineOf } from '../../facts/line-of.js';
import { Node } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import { shortText } from '../../facts/to-expr.js';
import { calleeName, rootIdentifier } from '../shared/call-shape.js';
import type { ParsedFile } from '../types.js';
import { ADAPTER_MODULES } from './push-rules.js';
import type { PushItem, PushTransport } from './types.js';

type ServerItem = Extract<PushItem, { kind: 'server' }>;
type AdapterItem = Extract<PushItem, { kind: 'adapter' }>;

/**
 * Servers that hold client connections: `new WebSocketServer`, socket.io's
 * `new Server` or `socketio(server)`, Nest `@WebSocketGateway`, and SSE
 * endpoints (an `text/event-stream` header, Nest `@Sse`).
 */
export function extractServers(file: ParsedFile): ServerItem[] {
  const servers: ServerItem[] = [];
  const add = (
    node: Node,
    transport: PushTransport | undefined,
    detail: string,
  ): void => {
    if (transport) {
      servers.push({
        kind: 'server',
        transport,
        line: lineOf(node),
        detail,
      });
    }
  };
  for (const created of file.news) {
    const module = moduleOf(file, created.getExpression());
    const name = calleeName(created);
    const transport =
      module === 'socket.io' && name === 'Server' ? 'socket.io' : undefined;
    const ws =
      module === 'ws' && (name === 'WebSocketServer' || name === 'Server');
    add(
      created,
      ws ? 'websocket' : transport,
      `new ${shortText(created.getExpression())}`,
    );
  }
  for (const call of file.calls) {
    add(call, callServer(file, call), shortText(call.getExpression()));
  }
  for (const decorator of file.decorators) {
    const module = file.importOf(decorator.getName())?.module;
    const name = decorator.getName();
    const gateway =
      name === 'WebSocketGateway' && module === '@nestjs/websockets';
    const sse = name === 'Sse' && module === '@nestjs/common';
    add(decorator, gateway ? 'socket.io' : sse ? 'sse' : undefined, `@${name}`);
  }
  return servers;
}

function callServer(
  file: ParsedFile,
  call: CallExpression,
): PushTransport | undefined {
  const callee = call.getExpression();
  if (Node.isIdentifier(callee)) {
    const fact = file.importOf(callee.getText());
    return fact?.module === 'socket.io' && fact.imported === 'default'
      ? 'socket.io'
      : undefined;
  }
  if (/^require\(\s*['"]socket\.io['"]\s*\)$/.test(callee.getText())) {
    return 'socket.io';
  }
  const header = /^(writeHead|setHeader|set|header|writeHeader|type)$/.test(
    calleeName(call) ?? '',
  );
  const eventStream = call
    .getArguments()
    .some((arg) => arg.getText().includes('text/event-stream'));
  return header && eventStream ? 'sse' : undefined;
}

/** `createAdapter(...)` of a socket.io adapter package, or `redisAdapter(...)`. */
export function extractAdapters(file: ParsedFile): AdapterItem[] {
  const adapters: AdapterItem[] = [];
  for (const call of file.calls) {
    const module = moduleOf(file, call.getExpression());
    if (module !== undefined && ADAPTER_MODULES.has(module)) {
      const line = lineOf(call);
      adapters.push({
        kind: 'adapter',
        line,
        detail: `${shortText(call.getExpression())} from ${module}`,
      });
    }
  }
  return adapters;
}

function moduleOf(file: ParsedFile, node: Node): string | undefined {
  const root = rootIdentifier(node);
  return root === undefined ? undefined : file.importOf(root)?.module;
}
