import { pushPathsAnalyzer } from '../../../src/analyzers/push-paths/index.js';
import type { PushItem } from '../../../src/analyzers/push-paths/types.js';
import { FactExtractor } from '../../../src/facts/extract-file-facts.js';

function itemsOf(text: string): PushItem[] {
  const result = new FactExtractor([pushPathsAnalyzer]).extract(
    'src/a.ts',
    text,
  );
  if (!('facts' in result)) {
    throw new Error(result.message);
  }
  return (result.facts.items['push-paths'] ?? []) as PushItem[];
}

/** The items as `kind transport line`, the shape the table compares. */
function summary(text: string): string[] {
  return itemsOf(text).map((item) =>
    'transport' in item
      ? `${item.kind} ${item.transport} ${item.line}`
      : `${item.kind} ${item.line}`,
  );
}

describe('push items', () => {
  it.each([
    [
      'a ws server and a send to each client',
      `import { WebSocketServer } from 'ws';
const wss = new WebSocketServer({ port: 1 });
wss.clients.forEach((c) => c.send('x'));`,
      ['server websocket 2', 'send websocket 3'],
    ],
    [
      'ws through a namespace import',
      `import * as WS from 'ws';
const wss = new WS.Server({ port: 1 });`,
      ['server websocket 2'],
    ],
    [
      'socket.io server, room broadcast and a reply to one socket',
      `import { Server } from 'socket.io';
const io = new Server(3000);
io.on('connection', (socket) => socket.emit('hi'));
io.to('room').emit('news');`,
      ['server socket.io 2', 'send socket.io 3', 'send socket.io 4'],
    ],
    [
      'socket.io created by calling the module',
      `const io = require('socket.io')(server);
io.emit('x');`,
      ['server socket.io 1', 'send socket.io 2'],
    ],
    [
      'an SSE endpoint by header and data line',
      `export function events(req, res) {
  res.setHeader('Content-Type', 'text/event-stream');
  res.write('data: hello\\n\\n');
}`,
      ['server sse 2', 'send sse 3'],
    ],
    [
      'a Nest SSE endpoint fed by a subject',
      `import { Controller, Sse } from '@nestjs/common';
import { Subject } from 'rxjs';
@Controller()
export class Events {
  private readonly events = new Subject();
  @Sse('events')
  stream() { return this.events; }
  push(e: unknown) { this.events.next(e); }
}`,
      ['server sse 6', 'send sse 8'],
    ],
    [
      'an adapter from @socket.io/redis-adapter',
      `import { createAdapter } from '@socket.io/redis-adapter';
io.adapter(createAdapter(pub, sub));`,
      ['adapter 2'],
    ],
    [
      'nothing for HTTP responses and plain event emitters',
      `import express from 'express';
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
express().get('/', (req, res) => { bus.emit('hit'); res.send('ok'); });`,
      [],
    ],
    [
      'no relay for messages clients send over ws',
      `import { WebSocketServer } from 'ws';
import Redis from 'ioredis';
const wss = new WebSocketServer({ port: 1 });
wss.on('connection', (ws) => ws.on('message', (data) => ws.send(data)));`,
      ['server websocket 3', 'send websocket 4'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(summary(text)).toEqual(expected);
  });

  it('keeps a relay with its handler sends and the subscribed channel', () => {
    const items = itemsOf(`import Redis from 'ioredis';
import { io } from './io';
const sub = new Redis();
sub.psubscribe('user:*');
sub.on('pmessage', (pattern, channel, message) => io.to(channel).emit('update', message));`);

    expect(items).toEqual([
      {
        kind: 'send',
        transport: 'socket.io',
        line: 5,
        detail: 'io.to(channel).emit',
        broadcast: true,
      },
      {
        kind: 'subscribe',
        line: 4,
        channel: { k: 'lit', v: 'user:*', text: "'user:*'", line: 4 },
        pattern: true,
      },
      {
        kind: 'relay',
        line: 5,
        detail: "sub.on('pmessage')",
        sends: [
          {
            transport: 'socket.io',
            line: 5,
            detail: 'io.to(channel).emit',
            broadcast: true,
          },
        ],
      },
    ]);
  });
});
