import { analyzeFiles } from '../../helpers/analyze-files.js';

const CLIENT = `import Redis from 'ioredis';\nexport const redis = new Redis();\n`;

describe('redis-keys: keys', () => {
  const write = { file: 'src/a.ts', line: 3, role: 'write' };
  it.each([
    [
      "set(k, v, 'EX', 60)",
      `redis.set('k', 'v', 'EX', 60)`,
      ['set'],
      '60',
      's',
      [write],
    ],
    [
      "set(k, v, 'PX', 500)",
      `redis.set('k', 'v', 'PX', 500)`,
      ['set'],
      '500',
      'ms',
      [write],
    ],
    [
      'set(k, v, { EX: 60 })',
      `redis.set('k', 'v', { EX: 60 })`,
      ['set'],
      '60',
      's',
      [write],
    ],
    [
      'setex(k, 30, v)',
      `redis.setex('k', 30, 'v')`,
      ['setex'],
      '30',
      's',
      [write],
    ],
    [
      'psetex(k, 250, v)',
      `redis.psetex('k', 250, 'v')`,
      ['psetex'],
      '250',
      'ms',
      [write],
    ],
    [
      'hset then expire later',
      `redis.hset('k', 'f', 1);\n  await redis.expire('k', 3600)`,
      ['expire', 'hset'],
      '3600',
      's',
      [write, { file: 'src/a.ts', line: 4, role: 'expire' }],
    ],
  ])(
    'keeps a key written with %s ephemeral',
    async (_label, call, operations, ttl, unit, sites) => {
      const model = await analyzeFiles({
        'src/redis.ts': CLIENT,
        'src/a.ts': `import { redis } from './redis';\nexport async function f() {\n  await ${call};\n}\n`,
      });

      const ttlLine = sites.at(-1)?.line;
      expect(model.redisKeys).toEqual([
        {
          pattern: 'k',
          operations,
          lifetime: 'ephemeral',
          ttl: {
            source: 'literal',
            value: Number(ttl),
            text: ttl,
            file: 'src/a.ts',
            line: ttlLine,
          },
          ttlUnit: unit,
          sites,
        },
      ]);
    },
  );

  it('marks a key durable when one write sets no TTL and nothing expires it', async () => {
    const model = await analyzeFiles({
      'src/redis.ts': CLIENT,
      'src/a.ts': `import { redis } from './redis';
export async function f(id: string) {
  await redis.set(\`user:\${id}\`, 'v', 'EX', 60);
  await redis.set(\`user:\${id}\`, 'w');
  return redis.get(\`user:\${id}\`);
}
`,
    });

    expect(model.redisKeys).toEqual([
      {
        pattern: 'user:{id}',
        operations: ['get', 'set'],
        lifetime: 'durable',
        ttl: {
          source: 'literal',
          value: 60,
          text: '60',
          file: 'src/a.ts',
          line: 3,
        },
        ttlUnit: 's',
        sites: [
          { file: 'src/a.ts', line: 3, role: 'write' },
          { file: 'src/a.ts', line: 4, role: 'write' },
          { file: 'src/a.ts', line: 5, role: 'read' },
        ],
      },
    ]);
  });

  it('takes keys that differ only in how the dynamic part is written for one key', async () => {
    const model = await analyzeFiles({
      'src/redis.ts': CLIENT,
      'src/a.ts': `import { redis } from './redis';
export async function join(documentId: string, userId: string) {
  await redis.sadd(\`collaborators:\${documentId}\`, userId);
}
export async function flush(event: { documentId: string }) {
  await redis.del(\`collaborators:\${event.documentId}\`);
}
`,
    });

    expect(
      model.redisKeys.map((key) => [key.pattern, key.operations, key.sites]),
    ).toEqual([
      [
        'collaborators:{documentId}',
        ['del', 'sadd'],
        [
          { file: 'src/a.ts', line: 3, role: 'write' },
          { file: 'src/a.ts', line: 6, role: 'delete' },
        ],
      ],
    ]);
  });

  it('resolves a key helper from another file, with the dynamic argument as written', async () => {
    const model = await analyzeFiles({
      'src/redis.ts': CLIENT,
      'src/keys.ts': `import { PREFIX } from './constants';
export const sessionKey = (id: string) => \`\${PREFIX}:session:\${id}\`;`,
      'src/constants.ts': `export const PREFIX = 'shop';`,
      'src/a.ts': `import { redis } from './redis';
import { sessionKey } from './keys';
export async function load(user: { id: string }) {
  return redis.hgetall(sessionKey(user.id));
}
`,
    });

    expect(model.redisKeys).toEqual([
      {
        pattern: 'shop:session:{user.id}',
        operations: ['hgetall'],
        lifetime: 'durable',
        sites: [{ file: 'src/a.ts', line: 4, role: 'read' }],
      },
    ]);
  });

  it('follows multi() chains to the client and merges each pattern', async () => {
    const model = await analyzeFiles({
      'src/redis.ts': CLIENT,
      'src/a.ts': `import { redis } from './redis';
export async function hit(ip: string) {
  await redis.multi().incr(\`rate:\${ip}\`).expire(\`rate:\${ip}\`, 60).exec();
  const tx = redis.pipeline();
  tx.del('stale');
  await tx.exec();
}
`,
    });

    expect(model.redisKeys).toEqual([
      {
        pattern: 'rate:{ip}',
        operations: ['expire', 'incr'],
        lifetime: 'ephemeral',
        ttl: {
          source: 'literal',
          value: 60,
          text: '60',
          file: 'src/a.ts',
          line: 3,
        },
        ttlUnit: 's',
        sites: [
          { file: 'src/a.ts', line: 3, role: 'expire' },
          { file: 'src/a.ts', line: 3, role: 'write' },
        ],
      },
      {
        pattern: 'stale',
        operations: ['del'],
        lifetime: 'durable',
        sites: [{ file: 'src/a.ts', line: 5, role: 'delete' }],
      },
    ]);
  });

  it('reads node-redis camelCase commands and option TTLs', async () => {
    const model = await analyzeFiles({
      'src/a.ts': `import { createClient } from 'redis';
const client = createClient();
export async function f() {
  await client.setEx('otp', 300, '1234');
  await client.hSet('profile', { name: 'a' });
  await client.set('flag', '1', { PX: 1000 });
  await client.mGet(['a', 'b']);
}
`,
    });

    expect(
      model.redisKeys.map((key) => [
        key.pattern,
        key.operations,
        key.lifetime,
        key.ttlUnit,
      ]),
    ).toEqual([
      ['a', ['mget'], 'durable', undefined],
      ['b', ['mget'], 'durable', undefined],
      ['flag', ['set'], 'ephemeral', 'ms'],
      ['otp', ['setex'], 'ephemeral', 's'],
      ['profile', ['hset'], 'durable', undefined],
    ]);
  });

  it('reports the client keyPrefix on its keys', async () => {
    const model = await analyzeFiles({
      'src/redis.ts': `import Redis from 'ioredis';\nexport const redis = new Redis({ keyPrefix: 'bull:' });\n`,
      'src/a.ts': `import { redis } from './redis';\nredis.get('jobs');\n`,
    });

    expect(model.redisKeys).toEqual([
      {
        pattern: 'jobs',
        operations: ['get'],
        lifetime: 'durable',
        keyPrefix: {
          source: 'literal',
          value: 'bull:',
          text: "'bull:'",
          file: 'src/redis.ts',
          line: 2,
        },
        sites: [{ file: 'src/a.ts', line: 2, role: 'read' }],
      },
    ]);
  });

  it.each([
    [
      'a factory function',
      `import { getRedis } from './redis';\ngetRedis().get('k');`,
    ],
    [
      'an injected constructor parameter',
      `import Redis from 'ioredis';
class Cache { constructor(private readonly redis: Redis) {}
  get() { return this.redis.get('k'); } }`,
    ],
    [
      'a typed function parameter',
      `import type { Redis } from 'ioredis';\nexport const f = (r: Redis) => r.get('k');`,
    ],
  ])('recognizes a client reached through %s', async (_label, source) => {
    const model = await analyzeFiles({
      'src/redis.ts': `import Redis from 'ioredis';
let client: Redis | null = null;
export function getRedis() { client ??= new Redis(); return client; }
`,
      'src/a.ts': source,
    });

    expect(model.redisKeys.map((key) => [key.pattern, key.operations])).toEqual(
      [['k', ['get']]],
    );
  });

  it('never counts a Map, a plain object or an unknown receiver', async () => {
    const model = await analyzeFiles({
      'src/redis.ts': CLIENT,
      'src/a.ts': `import { redis } from './redis';
const cache = new Map<string, string>();
const store = { get: (k: string) => k };
export function f(other: { get(k: string): string }) {
  cache.get('a'); cache.set('b', 'c'); store.get('d'); other.get('e');
}
`,
    });

    expect(model.redisKeys).toEqual([]);
  });
});
