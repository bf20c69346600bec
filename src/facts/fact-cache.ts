import { createHash } from 'node:crypto';
import type { FileFacts } from './types.js';

/**
 * Bump when extraction changes what it produces, so cached facts from an
 * older analyzer are never reused.
 */
export const ANALYZER_VERSION = '6';

/**
 * What one scan of a file's content found. Keyed by content hash, so a file
 * seen before (in the base, or in another PR) is neither read nor parsed.
 */
export interface FileScan {
  /** The pre-filter matched: the file names a construct some analyzer extracts. */
  direct: boolean;
  /** Import specifiers: the wrapper rule and the import graph. */
  specifiers: string[];
  /** Facts, once the file has been parsed as a candidate. */
  facts?: FileFacts;
  /**
   * Imports and bindings only, once the file has been parsed to resolve a
   * name some candidate uses.
   */
  moduleFacts?: FileFacts;
  /** Why the content cannot be analyzed, when it cannot. */
  skip?: string;
}

/** Per-file scans by content hash, shared by base, head and other PRs. */
export interface FactCache {
  getMany(keys: string[]): Promise<(FileScan | undefined)[]>;
  set(key: string, scan: FileScan): Promise<void>;
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

/**
 * A bounded in-memory LRU: the cache when no Redis is configured. A warm
 * analysis looks up every file of the tree, so a hit moves its entry to
 * the young end only when it has drifted into the older half: the order
 * stays close to exact LRU, at a fraction of the map writes.
 */
export class MemoryFactCache implements FactCache {
  private readonly entries = new Map<string, { scan: FileScan; at: number }>();
  private clock = 0;
  hits = 0;
  misses = 0;

  /** @param maxEntries files kept before the least recently used is dropped. Default 20,000. */
  constructor(private readonly maxEntries = 20_000) {}

  getMany(keys: string[]): Promise<(FileScan | undefined)[]> {
    return Promise.resolve(keys.map((key) => this.touch(key)));
  }

  private touch(key: string): FileScan | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    if (this.clock - entry.at >= this.maxEntries / 2) {
      this.entries.delete(key);
      entry.at = this.clock++;
      this.entries.set(key, entry);
    }
    return entry.scan;
  }

  set(key: string, scan: FileScan): Promise<void> {
    // Facts hold source text cut from their file, and V8 keeps a cut as a
    // view into the whole text: a copy lets the file's text go.
    const held = scan.facts || scan.moduleFacts ? structuredClone(scan) : scan;
    this.entries.delete(key);
    this.entries.set(key, { scan: held, at: this.clock++ });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) {
        this.entries.delete(oldest);
      }
    }
    return Promise.resolve();
  }
}
