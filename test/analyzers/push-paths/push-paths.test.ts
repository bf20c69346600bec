import { processesAnalyzer } from '../../../src/analyzers/processes/index.js';
import { pushPathsAnalyzer } from '../../../src/analyzers/push-paths/index.js';
import type { Analyzer } from '../../../src/analyzers/types.js';
import type { PubSubChannel } from '../../../src/model/types.js';
import { analyzeFiles } from '../../helpers/analyze-files.js';

const analyzers = [processesAnalyzer, pushPathsAnalyzer];

/** Stands in for the pub/sub analyzer: its model part, fixed. */
function pubsubPart(pubsub: PubSubChannel[]): Analyzer {
  return {
    id: 'pubsub-part',
    keywords: [],
    extract: () => [],
    build: () => ({ pubsub }),
  };
}

const WORKER_PUBLISHES = `import { Worker } from 'bullmq';
import Redis from 'ioredis';
const pub = new Redis();
new Worker('reports', async (job) => {
  await pub.publish('notifications', JSON.stringify(job.data));
});
`;

const WS_RELAY = `import { WebSocketServer } from 'ws';
import Redis from 'ioredis';
const wss = new WebSocketServer({ port: 8080 });
const sub = new Redis();
sub.subscribe('notifications');
sub.on('message', (channel, message) => {
  broadcast(message);
});
function broadcast(message: string) {
  for (const client of wss.clients) {
    client.send(message);
  }
}
`;

describe('push paths', () => {
  it('follows a worker publish through Redis pub/sub to ws.send', async () => {
    const model = await analyzeFiles(
      { 'src/worker.ts': WORKER_PUBLISHES, 'src/server.ts': WS_RELAY },
      { analyzers },
    );

    expect(model.pushPaths).toEqual([
      {
        transport: 'websocket',
        channel: 'notifications',
        complete: true,
        hops: [
          {
            step: 'worker-publish',
            detail: 'a queue worker publishes to notifications',
            site: { file: 'src/worker.ts', line: 5, role: 'publish' },
          },
          {
            step: 'channel',
            detail: 'channel notifications',
            site: { file: 'src/server.ts', line: 5, role: 'subscribe' },
          },
          {
            step: 'subscriber',
            detail: "sub.on('message') handles each message",
            site: { file: 'src/server.ts', line: 6, role: 'subscribe' },
          },
          {
            step: 'socket-send',
            detail:
              'client.send writes to clients connected to the subscribing instance',
            site: { file: 'src/server.ts', line: 11, role: 'socket-send' },
          },
        ],
        sites: [
          { file: 'src/server.ts', line: 3, role: 'server' },
          { file: 'src/server.ts', line: 5, role: 'subscribe' },
          { file: 'src/server.ts', line: 6, role: 'subscribe' },
          { file: 'src/server.ts', line: 11, role: 'socket-send' },
          { file: 'src/worker.ts', line: 5, role: 'publish' },
        ],
      },
    ]);
  });

  it('uses the channels the pub/sub analyzer reported', async () => {
    const channel: PubSubChannel = {
      channel: 'events:{userId}',
      transport: 'redis',
      publishers: [{ file: 'src/api.ts', line: 9, role: 'publisher' }],
      subscribers: [{ file: 'src/gateway.ts', line: 12, role: 'subscriber' }],
      pattern: false,
      sites: [],
    };
    const model = await analyzeFiles(
      {
        'src/gateway.ts': `import { WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { Server } from 'socket.io';
import Redis from 'ioredis';

@WebSocketGateway()
export class EventsGateway {
  @WebSocketServer() server: Server;
  private readonly sub = new Redis();

  onModuleInit() {
    this.sub.on('message', (channel, payload) => this.server.to(channel).emit('event', payload));
    this.sub.subscribe(channelFor());
  }
}
`,
      },
      { analyzers: [pubsubPart([channel]), ...analyzers] },
    );

    expect(model.pushPaths).toEqual([
      {
        transport: 'socket.io',
        channel: 'events:{userId}',
        complete: true,
        hops: [
          {
            step: 'publish',
            detail: 'publishes to events:{userId} (not from a queue worker)',
            site: { file: 'src/api.ts', line: 9, role: 'publish' },
          },
          {
            step: 'channel',
            detail: 'channel events:{userId}',
            site: { file: 'src/gateway.ts', line: 12, role: 'subscribe' },
          },
          {
            step: 'subscriber',
            detail: "this.sub.on('message') handles each message",
            site: { file: 'src/gateway.ts', line: 11, role: 'subscribe' },
          },
          {
            step: 'socket-send',
            detail:
              'this.server.to(channel).emit writes to clients ' +
              'connected to the subscribing instance',
            site: { file: 'src/gateway.ts', line: 11, role: 'socket-send' },
          },
        ],
        sites: [
          { file: 'src/api.ts', line: 9, role: 'publish' },
          { file: 'src/gateway.ts', line: 5, role: 'server' },
          { file: 'src/gateway.ts', line: 11, role: 'socket-send' },
          { file: 'src/gateway.ts', line: 11, role: 'subscribe' },
          { file: 'src/gateway.ts', line: 12, role: 'subscribe' },
        ],
      },
    ]);
  });

  it('carries worker broadcasts through the socket.io Redis adapter', async () => {
    const model = await analyzeFiles(
      {
        'src/io.ts': `import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
export const io = new Server(3001);
io.adapter(createAdapter(new Redis(), new Redis()));
io.on('connection', (socket) => socket.emit('hello'));
`,
        'src/worker.ts': `import { Worker } from 'bullmq';
import { io } from './io.js';
new Worker('exports', async (job) => {
  io.to(job.data.room).emit('export:done', job.data);
});
`,
      },
      { analyzers },
    );

    expect(model.pushPaths).toEqual([
      {
        transport: 'socket.io',
        complete: true,
        hops: [
          {
            step: 'emit',
            detail: 'a queue worker emits a broadcast',
            site: { file: 'src/worker.ts', line: 4, role: 'socket-send' },
          },
          {
            step: 'adapter',
            detail: 'createAdapter from @socket.io/redis-adapter',
            site: { file: 'src/io.ts', line: 5, role: 'adapter' },
          },
          {
            step: 'socket-send',
            detail:
              'each instance delivers the broadcast to the sockets connected to it',
            site: { file: 'src/io.ts', line: 4, role: 'server' },
          },
        ],
        sites: [
          { file: 'src/io.ts', line: 4, role: 'server' },
          { file: 'src/io.ts', line: 5, role: 'adapter' },
          { file: 'src/worker.ts', line: 4, role: 'socket-send' },
        ],
      },
    ]);
  });

  it('relays node-redis messages to server-sent events', async () => {
    const model = await analyzeFiles(
      {
        'src/worker.ts': WORKER_PUBLISHES,
        'src/events.ts': `import express from 'express';
import { createClient } from 'redis';
const app = express();
app.get('/events', async (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/event-stream' });
  const sub = createClient();
  await sub.connect();
  await sub.subscribe('notifications', (message) => {
    res.write(\`data: \${message}\\n\\n\`);
  });
});
app.listen(3000);
`,
      },
      { analyzers },
    );

    expect(
      model.pushPaths.map((p) => [p.transport, p.channel, p.complete]),
    ).toEqual([['sse', 'notifications', true]]);
    expect(model.pushPaths[0]?.hops.map((h) => [h.step, h.site])).toEqual([
      ['worker-publish', { file: 'src/worker.ts', line: 5, role: 'publish' }],
      ['channel', { file: 'src/events.ts', line: 8, role: 'subscribe' }],
      ['subscriber', { file: 'src/events.ts', line: 8, role: 'subscribe' }],
      ['socket-send', { file: 'src/events.ts', line: 9, role: 'socket-send' }],
    ]);
    expect(model.pushPaths[0]?.sites).toContainEqual({
      file: 'src/events.ts',
      line: 5,
      role: 'server',
    });
  });

  it('reports sends that reach only one instance when workers exist', async () => {
    const model = await analyzeFiles(
      {
        'src/server.ts': `import { WebSocketServer } from 'ws';
export const wss = new WebSocketServer({ port: 8080 });
export function notify(message: string) {
  wss.clients.forEach((client) => client.send(message));
}
`,
        'src/worker.ts': `import { Worker } from 'bullmq';
import { notify } from './server.js';
new Worker('reports', async (job) => notify(job.data.message));
`,
      },
      { analyzers },
    );

    expect(model.pushPaths).toEqual([
      {
        transport: 'websocket',
        complete: false,
        hops: [
          {
            step: 'socket-send',
            detail:
              'sends only reach clients connected to the same instance: ' +
              'no pub/sub channel or adapter carries them to the others',
            site: { file: 'src/server.ts', line: 4, role: 'socket-send' },
          },
        ],
        sites: [
          { file: 'src/server.ts', line: 2, role: 'server' },
          { file: 'src/server.ts', line: 4, role: 'socket-send' },
        ],
      },
    ]);
  });

  it('stays quiet about a websocket server when nothing runs workers', async () => {
    const model = await analyzeFiles(
      {
        'src/server.ts': `import { WebSocketServer } from 'ws';
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => ws.on('message', (data) => ws.send(data)));
`,
      },
      { analyzers },
    );

    expect(model.pushPaths).toEqual([]);
  });
});
