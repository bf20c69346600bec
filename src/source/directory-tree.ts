import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isPrunedDirectory } from './scope.js';
import type { SourceTree } from './source-tree.js';

/**
 * A checkout on disk. Directories that can never hold sources we analyze
 * (node_modules, build output, VCS folders) are pruned while walking, so a
 * large node_modules costs nothing.
 */
export class DirectoryTree implements SourceTree {
  constructor(readonly root: string) {}

  get label(): string {
    return this.root;
  }

  async paths(): Promise<string[]> {
    const found: string[] = [];
    await this.walk(this.root, found);
    return found.sort();
  }

  /** Unknown until read: sizes are checked on the bytes. */
  size(): number | undefined {
    return undefined;
  }

  async read(path: string): Promise<Buffer | undefined> {
    try {
      return await readFile(join(this.root, path));
    } catch {
      return undefined;
    }
  }

  readSync(path: string): Buffer | undefined {
    try {
      return readFileSync(join(this.root, path));
    } catch {
      return undefined;
    }
  }

  private async walk(dir: string, found: string[]): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    const subdirs: string[] = [];
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!isPrunedDirectory(entry.name)) {
          subdirs.push(full);
        }
      } else if (entry.isFile()) {
        const path = relative(this.root, full).split(sep).join('/');
        found.push(path);
      }
    }
    await Promise.all(subdirs.map((sub) => this.walk(sub, found)));
  }
}
