import type { Redis } from 'ioredis';
import type { FactCache, FileScan } from './fact-cache.js';

/** Options for the shared fact cache in Redis. */
export interface RedisFactCacheOptions {
  /** Key prefix, so several deployments can share one Redis. Default `scaling-report:facts:`. */
  prefix?: string;
  /** Seconds an entry lives after its last write. Default 7 days. */
  ttlSeconds?: number;
}

/**
 * Per-file scans and facts in Redis, shared by every worker: base and head
 * of one PR, and every PR on the same repository, reuse each other's work.
 * Every entry carries a TTL, so the cache cannot grow without bound.
 */
export class RedisFactCache implements FactCache {
  private readonly prefix: string;
  private readonly ttlSeconds: number;
  hits = 0;
  misses = 0;

  constructor(
    private readonly redis: Redis,
    options: RedisFactCacheOptions = {},
  ) {
    this.prefix = options.prefix ?? 'scaling-report:facts:';
    this.ttlSeconds = options.ttlSeconds ?? 7 * 24 * 3600;
  }

  async getMany(keys: string[]): Promise<(FileScan | undefined)[]> {
    const found: (FileScan | undefined)[] = [];
    // MGET in slices: one huge command would block Redis for every other client.
    for (let i = 0; i < keys.length; i += 500) {
      const slice = keys.slice(i, i + 500).map((key) => this.prefix + key);
      const values = await this.redis.mget(...slice);
      for (const value of values) {
        const scan = value ? parseScan(value) : undefined;
        this[scan ? 'hits' : 'misses']++;
        found.push(scan);
      }
    }
    return found;
  }

  async set(key: string, scan: FileScan): Promise<void> {
    await this.redis.set(
      this.prefix + key,
      JSON.stringify(scan),
      'EX',
      this.ttlSeconds,
    );
  }
}

/** A corrupt or foreign entry is a miss, never an error. */
function parseScan(value: string): FileScan | undefined {
  try {
    const parsed = JSON.parse(value) as unknown;
    if (
      parsed &&
      typeof parsed === 'object' &&
      'direct' in parsed &&
      'specifiers' in parsed
    ) {
      return parsed as FileScan;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
