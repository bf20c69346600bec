/**
 * A read-only tree of files to analyze: a directory, a git revision, or an
 * archive held in memory. Paths are relative to the root, with `/`.
 */
export interface SourceTree {
  /** Human-readable origin, for reports: a path, `git:REF` or `owner/repo@sha`. */
  readonly label: string;
  /** Every file path in the tree, scope rules not yet applied. */
  paths(): Promise<string[]>;
  /** Size in bytes, without reading the file, when known. */
  size(path: string): number | undefined;
  /** The file's bytes, or undefined when it cannot be read. */
  read(path: string): Promise<Buffer | undefined>;
  /**
   * Synchronous read, for files the resolver needs mid-resolution (a
   * constants module that no analyzer keyword names) and for files whose
   * scan came from the cache.
   */
  readSync(path: string): Buffer | undefined;
  /** A content hash (the git blob SHA where known), for the fact cache. */
  hash?(path: string): string | undefined;
}
