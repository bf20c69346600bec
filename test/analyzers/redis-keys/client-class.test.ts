import { analyzeFiles } from '../../helpers/analyze-files.js';

/**
 * A client class of the application's own: it extends ioredis and hands
 * out shared connections from static getters that create them on first
 * use. Commands reach Redis only through `RedisConnection.defaultClient`
 * and friends, never through a `new Redis()` of their own.
 */
const CLIENT_CLASS = `import Redis from 'ioredis';
import { env } from '../env';

export default class RedisConnection extends Redis {
  constructor(url: string, options: { suffix?: string } = {}) {
    super(url, { connectionName: \`app-\${options.suffix ?? 'main'}\` });
  }

  private static shared?: RedisConnection;
  private static listener?: RedisConnection;

  static get defaultClient(): RedisConnection {
    return this.shared || (this.shared = new this(env.REDIS_URL, { suffix: 'client' }));
  }

  static get subscriber(): RedisConnection {
    if (!env.SUBSCRIBER_URL) {
      return this.defaultClient;
    }
    return (this.listener ??= new this(env.SUBSCRIBER_URL, { suffix: 'events' }));
  }
}
`;

const FILES = {
  'src/env.ts': `export const env = {
  REDIS_URL: process.env.REDIS_URL ?? 'redis://localhost:6379',
  SUBSCRIBER_URL: process.env.SUBSCRIBER_URL,
};
`,
  'src/storage/redis.ts': CLIENT_CLASS,
  'src/cache.ts': `import RedisConnection from './storage/redis';

export async function remember(id: string, value: string) {
  await RedisConnection.defaultClient.set(\`cache:\${id}\`, value, 'EX', 60);
}
`,
  'src/access.ts': `import RedisConnection from './storage/redis';

const CHANNEL = 'access-changes';

export async function announce(scope: object) {
  await RedisConnection.defaultClient.publish(CHANNEL, JSON.stringify(scope));
}

export async function follow(onChange: (message: string) => void) {
  const subscriber = RedisConnection.subscriber;
  await subscriber.subscribe(CHANNEL);
  subscriber.on('message', (_channel: string, message: string) => onChange(message));
}
`,
};

describe('redis-keys: a client class with static getters', () => {
  it('finds the clients its getters create', async () => {
    const model = await analyzeFiles(FILES);

    expect(
      model.redisClients.map((client) => [client.library, client.sites]),
    ).toEqual([
      [
        'ioredis',
        [{ file: 'src/storage/redis.ts', line: 13, role: 'definition' }],
      ],
      [
        'ioredis',
        [{ file: 'src/storage/redis.ts', line: 20, role: 'definition' }],
      ],
    ]);
  });

  it('reads the keys and channels used through the getters', async () => {
    const model = await analyzeFiles(FILES);

    expect(
      model.redisKeys.map((key) => [key.pattern, key.ttl?.value, key.sites]),
    ).toEqual([
      ['cache:{id}', 60, [{ file: 'src/cache.ts', line: 4, role: 'write' }]],
    ]);
    expect(
      model.pubsub.map((channel) => [
        channel.channel,
        channel.publishers,
        channel.subscribers.map((site) => site.line),
      ]),
    ).toEqual([
      [
        'access-changes',
        [{ file: 'src/access.ts', line: 6, role: 'publisher' }],
        [11, 12],
      ],
    ]);
  });

  it('takes no other construction in an unnamed client class for a client', async () => {
    const model = await analyzeFiles({
      'src/redis.ts': `import Redis from 'ioredis';
export default class extends Redis {
  copy() {
    return new (this.constructor as new () => Redis)();
  }
}
`,
    });

    expect(model.redisClients).toEqual([]);
  });

  it('takes a parameter typed as the client class for a client', async () => {
    const model = await analyzeFiles({
      ...FILES,
      'src/session-store.ts': `import type RedisConnection from './storage/redis';

export class SessionStore {
  constructor(private readonly redis: RedisConnection) {}

  save(id: string, data: string) {
    return this.redis.set(\`session:\${id}\`, data, 'EX', 3600);
  }
}
`,
    });

    expect(model.redisKeys.map((key) => [key.pattern, key.ttl?.value])).toEqual(
      [
        ['cache:{id}', 60],
        ['session:{id}', 3600],
      ],
    );
  });
});
