import type { FactCache, FileScan } from '../facts/fact-cache.js';

/** Counts hits and misses of any fact cache, into `counts`. */
export class MeteredFactCache implements FactCache {
  constructor(
    private readonly inner: FactCache,
    private readonly counts: { hits: number; misses: number },
  ) {}

  async getMany(keys: string[]): Promise<(FileScan | undefined)[]> {
    const found = await this.inner.getMany(keys);
    for (const scan of found) {
      this.counts[scan ? 'hits' : 'misses']++;
    }
    return found;
  }

  set(key: string, scan: FileScan): Promise<void> {
    return this.inner.set(key, scan);
  }
}
