import { analyzeFiles } from '../../helpers/analyze-files.js';

const REDIS_MODULE = `import Redis from 'ioredis';
export const redis = new Redis(process.env.REDIS_URL, {
  keyPrefix: 'app:',
  maxRetriesPerRequest: null,
});
export const subscriber = redis.duplicate();
`;

describe('redis-keys: clients', () => {
  it('reads ioredis settings, keyPrefix included, and counts duplicate() as the same client', async () => {
    const model = await analyzeFiles({ 'src/redis.ts': REDIS_MODULE });

    expect(model.redisClients).toEqual([
      {
        library: 'ioredis',
        settings: {
          keyPrefix: {
            source: 'literal',
            value: 'app:',
            text: "'app:'",
            file: 'src/redis.ts',
            line: 3,
          },
          maxRetriesPerRequest: {
            source: 'literal',
            value: null,
            text: 'null',
            file: 'src/redis.ts',
            line: 4,
          },
          url: {
            source: 'expression',
            text: 'process.env.REDIS_URL',
            file: 'src/redis.ts',
            line: 2,
          },
        },
        sites: [
          { file: 'src/redis.ts', line: 2, role: 'definition' },
          { file: 'src/redis.ts', line: 6, role: 'duplicate' },
        ],
      },
    ]);
  });

  it.each([
    [
      'a default import with port and host',
      `import IORedis from 'ioredis';\nconst r = new IORedis(6380, 'cache.internal');`,
      'ioredis',
      { port: 6380, host: 'cache.internal' },
    ],
    [
      'a url with options the file cannot open',
      `import Redis from 'ioredis';\nconst r = new Redis(config.redisUrl, config.redisOptions ?? {});`,
      'ioredis',
      { url: 'config.redisUrl', options: 'config.redisOptions ?? {}' },
    ],
    [
      'a port and host read from config',
      `import Redis from 'ioredis';\nconst r = new Redis(config.port, config.host);`,
      'ioredis',
      { port: 'config.port', host: 'config.host' },
    ],
    [
      'a named { Redis } import with an options object',
      `import { Redis } from 'ioredis';\nconst r = new Redis({ host: 'h', enableOfflineQueue: false });`,
      'ioredis',
      { host: 'h', enableOfflineQueue: false },
    ],
    [
      'an ioredis cluster',
      `import Redis from 'ioredis';\nconst c = new Redis.Cluster([{ host: 'a', port: 7000 }], { redisOptions: { keyPrefix: 'c:' } });`,
      'ioredis',
      { nodes: [{ host: 'a', port: 7000 }], 'redisOptions.keyPrefix': 'c:' },
    ],
    [
      'a node-redis client with a socket',
      `import { createClient } from 'redis';\nconst c = createClient({ url: 'redis://r:6379', socket: { connectTimeout: 500 } });`,
      'redis',
      { url: 'redis://r:6379', 'socket.connectTimeout': 500 },
    ],
    [
      'a node-redis cluster through a namespace import',
      `import * as redis from 'redis';\nconst c = redis.createCluster({ rootNodes: [] });`,
      'redis',
      { rootNodes: [] },
    ],
  ])('recognizes %s', async (_label, source, library, values) => {
    const model = await analyzeFiles({ 'src/client.ts': source });

    expect(model.redisClients).toHaveLength(1);
    const [client] = model.redisClients;
    expect(client?.library).toBe(library);
    const settings = Object.fromEntries(
      Object.entries(client?.settings ?? {}).map(([name, value]) => [
        name,
        value.source === 'expression' ? value.text : value.value,
      ]),
    );
    expect(settings).toEqual(values);
    expect(client?.sites).toEqual([
      { file: 'src/client.ts', line: 2, role: 'definition' },
    ]);
  });

  it('ignores constructors from other packages', async () => {
    const model = await analyzeFiles({
      'src/a.ts': `import { Client } from 'pg';\nimport Redis from './my-redis';\nconst a = new Client(); const b = new Redis();`,
      'src/my-redis.ts': `export default class Redis {}`,
    });

    expect(model.redisClients).toEqual([]);
  });
});
