import type { SourceTree } from './source-tree.js';

/** A tree held in memory: archives, git objects, and tests. */
export class MemoryTree implements SourceTree {
  private readonly files: Map<string, Buffer>;

  constructor(
    files: Map<string, Buffer | string> | Record<string, Buffer | string>,
    readonly label = 'memory',
    private readonly hashes = new Map<string, string>(),
  ) {
    const entries =
      files instanceof Map ? [...files.entries()] : Object.entries(files);
    this.files = new Map(
      entries.map(([path, content]) => [
        path,
        typeof content === 'string' ? Buffer.from(content) : content,
      ]),
    );
  }

  paths(): Promise<string[]> {
    return Promise.resolve([...this.files.keys()].sort());
  }

  size(path: string): number | undefined {
    return this.files.get(path)?.length;
  }

  read(path: string): Promise<Buffer | undefined> {
    return Promise.resolve(this.files.get(path));
  }

  readSync(path: string): Buffer | undefined {
    return this.files.get(path);
  }

  hash(path: string): string | undefined {
    return this.hashes.get(path);
  }
}
