import { analyzeFiles } from '../../helpers/analyze-files.js';

const REDIS = `import Redis from 'ioredis';
export const pub = new Redis();
export const sub = pub.duplicate();
`;

describe('pubsub: redis channels', () => {
  it('resolves channels from an enum and ties on(message) handlers to the subscribing connection', async () => {
    const model = await analyzeFiles({
      'src/redis.ts': REDIS,
      'src/channels.ts': `export enum Channels { Orders = 'orders', Invalidate = 'cache:invalidate' }`,
      'src/publisher.ts': `import { pub } from './redis';
import { Channels } from './channels';
export const announce = (id: string) => pub.publish(Channels.Orders, id);
`,
      'src/subscriber.ts': `import { sub } from './redis';
import { Channels } from './channels';
import { io } from './io';
sub.subscribe(Channels.Orders, Channels.Invalidate);
sub.on('message', (channel, message) => {
  io.to('orders').emit('order', message);
});
`,
      'src/io.ts': `export const io = {} as never;`,
    });

    const handler = { file: 'src/subscriber.ts', line: 5, role: 'handler' };
    const subscriber = {
      file: 'src/subscriber.ts',
      line: 4,
      role: 'subscriber',
    };
    const publisher = { file: 'src/publisher.ts', line: 3, role: 'publisher' };
    expect(model.pubsub).toEqual([
      {
        channel: 'cache:invalidate',
        transport: 'redis',
        publishers: [],
        subscribers: [subscriber, handler],
        pattern: false,
        purpose: 'cache-invalidation',
        sites: [subscriber, handler],
      },
      {
        channel: 'orders',
        transport: 'redis',
        publishers: [publisher],
        subscribers: [subscriber, handler],
        pattern: false,
        purpose: 'push',
        sites: [publisher, subscriber, handler],
      },
    ]);
  });

  it('marks psubscribe globs as patterns that serve the channels they cover', async () => {
    const model = await analyzeFiles({
      'src/redis.ts': REDIS,
      'src/a.ts': `import { pub, sub } from './redis';
const local = new Map<string, unknown>();
export const evict = (id: string) => pub.publish(\`user:\${id}\`, 'gone');
sub.psubscribe('user:*');
sub.on('pmessage', (pattern, channel) => { local.delete(channel); });
sub.on('message', () => undefined);
`,
    });

    expect(model.pubsub).toEqual([
      {
        channel: 'user:{id}',
        transport: 'redis',
        publishers: [{ file: 'src/a.ts', line: 3, role: 'publisher' }],
        // The pattern's subscribers receive every message on it.
        subscribers: [
          { file: 'src/a.ts', line: 4, role: 'subscriber' },
          { file: 'src/a.ts', line: 5, role: 'handler' },
        ],
        pattern: false,
        sites: [{ file: 'src/a.ts', line: 3, role: 'publisher' }],
      },
      {
        channel: 'user:*',
        transport: 'redis',
        publishers: [],
        subscribers: [
          { file: 'src/a.ts', line: 4, role: 'subscriber' },
          { file: 'src/a.ts', line: 5, role: 'handler' },
        ],
        pattern: true,
        sites: [
          { file: 'src/a.ts', line: 4, role: 'subscriber' },
          { file: 'src/a.ts', line: 5, role: 'handler' },
        ],
      },
    ]);
  });

  it('takes a node-redis subscribe listener as the handler', async () => {
    const model = await analyzeFiles({
      'src/a.ts': `import { createClient } from 'redis';
const client = createClient();
const subscriber = client.duplicate();
const CHANNEL = 'config-changed';
await subscriber.subscribe(CHANNEL, (message) => {
  configCache.clear();
});
`,
    });

    expect(model.pubsub).toEqual([
      {
        channel: 'config-changed',
        transport: 'redis',
        publishers: [],
        subscribers: [
          { file: 'src/a.ts', line: 5, role: 'handler' },
          { file: 'src/a.ts', line: 5, role: 'subscriber' },
        ],
        pattern: false,
        purpose: 'cache-invalidation',
        sites: [
          { file: 'src/a.ts', line: 5, role: 'handler' },
          { file: 'src/a.ts', line: 5, role: 'subscriber' },
        ],
      },
    ]);
  });

  it('ignores publish and subscribe on receivers that are not Redis clients', async () => {
    const model = await analyzeFiles({
      'src/a.ts': `import amqp from 'amqplib';
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export async function f(channel: amqp.Channel) {
  channel.publish('exchange', 'key', Buffer.from('x'));
  bus.on('message', () => undefined);
}
`,
    });

    expect(model.pubsub).toEqual([]);
  });
});

describe('pubsub: socket.io adapters', () => {
  it.each([
    [
      '@socket.io/redis-adapter with the default key',
      `import { createAdapter } from '@socket.io/redis-adapter';\nio.adapter(createAdapter(pub, sub));`,
      'socket.io#*',
    ],
    [
      '@socket.io/redis-adapter with a key option',
      `import { createAdapter } from '@socket.io/redis-adapter';\nio.adapter(createAdapter(pub, sub, { key: 'chat' }));`,
      'chat#*',
    ],
    [
      'the legacy socket.io-redis',
      `const redisAdapter = require('socket.io-redis');\nio.adapter(redisAdapter({ host: 'localhost', port: 6379 }));`,
      'socket.io#*',
    ],
    [
      'the streams adapter',
      `import { createAdapter } from '@socket.io/redis-streams-adapter';\nio.adapter(createAdapter(client, { streamName: 'ws-events' }));`,
      'ws-events',
    ],
  ])('reports %s as a push channel', async (_label, source, channel) => {
    const model = await analyzeFiles({ 'src/io.ts': source });

    const adapter = { file: 'src/io.ts', line: 2, role: 'adapter' };
    expect(model.pubsub).toEqual([
      {
        channel,
        transport: 'socket.io-adapter',
        publishers: [adapter],
        subscribers: [adapter],
        pattern: false,
        purpose: 'push',
        sites: [adapter],
      },
    ]);
  });
});

describe('pubsub: postgres', () => {
  it('pairs LISTEN with pg_notify and the notification handler', async () => {
    const model = await analyzeFiles({
      'src/pg.ts': `import { Client } from 'pg';
const pg = new Client();
await pg.query('LISTEN jobs_ready');
pg.on('notification', (msg) => { ws.send(msg.payload); });
export const notify = (id: string) => pg.query('SELECT pg_notify($1, $2)', ['jobs_ready', id]);
`,
    });

    expect(model.pubsub).toEqual([
      {
        channel: 'jobs_ready',
        transport: 'postgres',
        publishers: [{ file: 'src/pg.ts', line: 5, role: 'publisher' }],
        subscribers: [
          { file: 'src/pg.ts', line: 3, role: 'subscriber' },
          { file: 'src/pg.ts', line: 4, role: 'handler' },
        ],
        pattern: false,
        purpose: 'push',
        sites: [
          { file: 'src/pg.ts', line: 3, role: 'subscriber' },
          { file: 'src/pg.ts', line: 4, role: 'handler' },
          { file: 'src/pg.ts', line: 5, role: 'publisher' },
        ],
      },
    ]);
  });
});
