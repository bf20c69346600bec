import { createHash } from 'node:crypto';
import type { FileFacts } from './types.js';

/**
 * Bump when extraction changes what it produces, so cached facts from an
 * older analyzer are never reused.
 */
export const ANALYZER_VERSION = '1';

/** Per-file facts by content hash, shared by base, head and other PRs. */
export interface FactCache {
  get(key: string): Promise<FileFacts | undefined>;
  set(key: string, facts: FileFacts): Promise<void>;
}

/** The git blob SHA of some content, so a directory and a git tree agree. */
export function gitBlobSha(content: Buffer): string {
  return createHash('sha1')
    .update(`blob ${content.length}\0`)
    .update(content)
    .digest('hex');
}

export function factCacheKey(contentHash: string): string {
  return `${ANALYZER_VERSION}:${contentHash}`;
}

/** A bounded in-memory LRU: the cache when no Redis is configured. */
export class MemoryFactCache implements FactCache {
  private readonly entries = new Map<string, FileFacts>();
  hits = 0;
  misses = 0;

  /** @param maxEntries files kept before the least recently used is dropped. Default 20,000. */
  constructor(private readonly maxEntries = 20_000) {}

  get(key: string): Promise<FileFacts | undefined> {
    const facts = this.entries.get(key);
    if (facts) {
      this.entries.delete(key);
      this.entries.set(key, facts);
      this.hits++;
    } else {
      this.misses++;
    }
    return Promise.resolve(facts);
  }

  set(key: string, facts: FileFacts): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, facts);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) {
        this.entries.delete(oldest);
      }
    }
    return Promise.resolve();
  }
}
