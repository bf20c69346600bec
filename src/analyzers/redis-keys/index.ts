import type { Analyzer } from '../types.js';
import { buildRedisKeys } from './build.js';
import { extractRedisKeys } from './extract.js';
import type { RedisKeysItem } from './types.js';

/**
 * Redis clients (ioredis, node-redis) and the key patterns the code reads,
 * writes, expires and deletes, with TTLs and lifetimes.
 */
export const redisKeysAnalyzer: Analyzer<RedisKeysItem> = {
  id: 'redis-keys',
  // `redis.call` in a Lua script string; `redis` alone only as code.
  keywords: [
    'redis.call',
    'redis.pcall',
    'createClient',
    'createCluster',
    'valkey',
  ],
  codeKeywords: ['redis', 'Redis'],
  extract: extractRedisKeys,
  build: buildRedisKeys,
};
