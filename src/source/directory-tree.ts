import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isPrunedDirectory } from './scope.js';
import type { SourceTree } from './source-tree.js';

/**
 * A checkout on disk. Directories that can never hold sources we analyze
 * (node_modules, build output, VCS folders) are pruned while walking, so a
 * large node_modules costs nothing.
 */
export class DirectoryTree implements SourceTree {
  private readonly sizes = new Map<string, number>();

  constructor(readonly root: string) {}

  get label(): string {
    return this.root;
  }

  async paths(): Promise<string[]> {
    const found: string[] = [];
    await this.walk(this.root, found);
    return found.sort();
  }

  size(path: string): number | undefined {
    return this.sizes.get(path);
  }

  async read(path: string): Promise<Buffer | undefined> {
    try {
      return await readFile(join(this.root, path));
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

  /** Reads sizes lazily for the files the scope rules keep. */
  async statSize(path: string): Promise<number | undefined> {
    try {
      const info = await stat(join(this.root, path));
      this.sizes.set(path, info.size);
      return info.size;
    } catch {
      return undefined;
    }
  }
}
