import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPrunedDirectory } from './scope.js';
import type { SourceTree } from './source-tree.js';

/**
 * A checkout on disk. Directories that can never hold sources we analyze
 * (node_modules, build output, VCS folders) are pruned while walking, so a
 * large node_modules costs nothing.
 *
 * The walk and the reads are synchronous on purpose: an async call costs a
 * thread-pool round trip per directory and four per file, several times the
 * system calls themselves (medusa, 8,700 directories and 6,300 sources:
 * walk 350 ms async, 130 ms sync; reads 470 ms async, 90 ms sync). An
 * analysis reads a checkout in one go; nothing else waits on this thread.
 */
export class DirectoryTree implements SourceTree {
  constructor(readonly root: string) {}

  get label(): string {
    return this.root;
  }

  paths(): Promise<string[]> {
    // The executor turns a failed walk (a missing root) into a rejection.
    return new Promise((resolve) => {
      const found: string[] = [];
      this.walk(this.root, '', found);
      resolve(found.sort());
    });
  }

  /** Unknown until read: sizes are checked on the bytes. */
  size(): number | undefined {
    return undefined;
  }

  read(path: string): Promise<Buffer | undefined> {
    return Promise.resolve(this.readSync(path));
  }

  readSync(path: string): Buffer | undefined {
    try {
      return readFileSync(join(this.root, path));
    } catch {
      return undefined;
    }
  }

  private walk(dir: string, prefix: string, found: string[]): void {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!isPrunedDirectory(entry.name)) {
          this.walk(join(dir, entry.name), `${prefix}${entry.name}/`, found);
        }
      } else if (entry.isFile()) {
        found.push(prefix + entry.name);
      }
    }
  }
}
