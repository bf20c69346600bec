import { Redis } from 'ioredis';
import { MemoryFactCache, gitBlobSha } from '../../src/facts/fact-cache.js';
import type { FactCache } from '../../src/facts/fact-cache.js';
import { RedisFactCache } from '../../src/facts/redis-fact-cache.js';
import { analyzeTree } from '../../src/pipeline/analyze-tree.js';
import { MemoryTree } from '../../src/source/memory-tree.js';
import {
  TEST_REDIS_URL,
  deleteByPrefix,
  redisAvailable,
  testPrefix,
} from '../helpers/redis.js';

const queueFile = (name: string): string =>
  `import { Queue } from 'bullmq';\nexport const q = new Queue('${name}');\n`;

function treeOf(files: Record<string, string>, label: string): MemoryTree {
  const buffers = new Map(
    Object.entries(files).map(([p, t]) => [p, Buffer.from(t)]),
  );
  const hashes = new Map([...buffers].map(([p, b]) => [p, gitBlobSha(b)]));
  return new MemoryTree(buffers, label, hashes);
}

const base = {
  'src/a.ts': queueFile('alpha'),
  'src/b.ts': queueFile('beta'),
  'src/c.ts': queueFile('gamma'),
  'src/plain.ts': 'export const x = 1;\n',
};
const head = { ...base, 'src/b.ts': queueFile('beta-2') };

async function parsedCounts(cache: FactCache): Promise<[number, number]> {
  const first = { parsed: 0, cacheHits: 0, cacheMisses: 0 };
  await analyzeTree(treeOf(base, 'base'), { cache }, first);
  const second = { parsed: 0, cacheHits: 0, cacheMisses: 0 };
  const model = await analyzeTree(treeOf(head, 'head'), { cache }, second);
  expect(model.queues.map((q) => q.name)).toEqual(['alpha', 'beta-2', 'gamma']);
  return [first.parsed, second.parsed];
}

describe('fact cache', () => {
  it('parses only the changed file on a warm in-memory cache', async () => {
    expect(await parsedCounts(new MemoryFactCache())).toEqual([3, 1]);
  });

  it('keeps the module facts read to resolve a name, so they are not parsed again', async () => {
    const cache = new MemoryFactCache();
    const names = "export const ORDERS = 'orders';\n";
    const producer = (tag: string): string =>
      `import { Queue } from 'bullmq';\nimport { ORDERS } from './names';\n` +
      `export const q = new Queue(ORDERS); // ${tag}\n`;
    const first = { parsed: 0, cacheHits: 0, cacheMisses: 0 };
    await analyzeTree(
      treeOf({ 'src/names.ts': names, 'src/q.ts': producer('base') }, 'base'),
      { cache },
      first,
    );
    expect(first.parsed).toBe(2);
    const second = { parsed: 0, cacheHits: 0, cacheMisses: 0 };
    const model = await analyzeTree(
      treeOf({ 'src/names.ts': names, 'src/q.ts': producer('head') }, 'head'),
      { cache },
      second,
    );
    expect(second.parsed).toBe(1);
    expect(model.queues.map((q) => q.name)).toEqual(['orders']);
  });

  it('drops the least recently used entry past its bound', async () => {
    const cache = new MemoryFactCache(2);
    const scan = { direct: false, specifiers: [] };
    await cache.set('a', scan);
    await cache.set('b', scan);
    await cache.getMany(['a']);
    await cache.set('c', scan);
    expect((await cache.getMany(['a', 'b', 'c'])).map(Boolean)).toEqual([
      true,
      false,
      true,
    ]);
  });
});

const available = await redisAvailable();
const describeRedis = available ? describe : describe.skip;

describeRedis('RedisFactCache (real Redis)', () => {
  const prefix = testPrefix('facts');
  const redis = new Redis(TEST_REDIS_URL);

  afterAll(async () => {
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
  });

  it('shares scans across analyses, so unchanged files are not parsed again', async () => {
    const cache = new RedisFactCache(redis, { prefix, ttlSeconds: 60 });
    expect(await parsedCounts(cache)).toEqual([3, 1]);
    // A second worker with its own client sees the same entries.
    const other = new RedisFactCache(redis, { prefix, ttlSeconds: 60 });
    const counters = { parsed: 0, cacheHits: 0, cacheMisses: 0 };
    await analyzeTree(treeOf(head, 'again'), { cache: other }, counters);
    expect(counters.parsed).toBe(0);
  });

  it('writes every entry with a TTL', async () => {
    const keys = await redis.keys(`${prefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    const ttls = await Promise.all(keys.map((key) => redis.ttl(key)));
    expect(ttls.every((ttl) => ttl > 0 && ttl <= 60)).toBe(true);
  });

  it('treats a corrupt entry as a miss', async () => {
    const cache = new RedisFactCache(redis, { prefix });
    await redis.set(`${prefix}corrupt`, '{not json', 'EX', 60);
    expect(await cache.getMany(['corrupt'])).toEqual([undefined]);
  });
});
