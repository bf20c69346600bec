import { execFile, execFileSync, spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DirectoryTree } from './directory-tree.js';
import type { SourceTree } from './source-tree.js';

const run = promisify(execFile);

/** Largest `git ls-tree` listing read, in bytes: about a million paths. */
const MAX_LISTING_BYTES = 256 * 1024 * 1024;

interface BlobEntry {
  sha: string;
  size: number;
}

interface PendingRead {
  sha: string;
  resolve: (bytes: Buffer | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * One commit of a local git repository, read with plumbing only: `git
 * ls-tree` lists paths, sizes and blob SHAs, `git cat-file --batch` reads
 * contents. Nothing is checked out, so the work tree is never touched.
 * Reads issued together share one `cat-file` process, which exits as soon
 * as the batch is answered.
 */
export class GitTree implements SourceTree {
  private listing: Promise<Map<string, BlobEntry>> | undefined;
  private entries = new Map<string, BlobEntry>();
  private pending: PendingRead[] = [];
  /**
   * Contents read so far, by blob SHA. An analysis reads a file again when
   * a name leads into it, and a synchronous read costs a `git` process: on
   * outline, a diff spent 1.5 s starting them.
   */
  private readonly blobs = new Map<string, Buffer>();

  /**
   * @param repoDir any directory inside the repository
   * @param commit full commit SHA (see `GitTree.open` to resolve a ref)
   * @param label shown in reports; default `git:<commit>`
   */
  constructor(
    readonly repoDir: string,
    readonly commit: string,
    readonly label = `git:${commit}`,
  ) {}

  /** The tree of `ref` (branch, tag, SHA, `HEAD~1`) in the repository at `repoDir`. */
  static async open(repoDir: string, ref: string): Promise<GitTree> {
    const commit = await resolveCommit(repoDir, ref);
    if (commit === undefined) {
      throw new TreeArgumentError(
        `${ref} is not a revision of the git repository at ${repoDir}`,
      );
    }
    return new GitTree(repoDir, commit, `git:${ref}`);
  }

  async paths(): Promise<string[]> {
    return [...(await this.list()).keys()].sort();
  }

  size(path: string): number | undefined {
    return this.entries.get(path)?.size;
  }

  hash(path: string): string | undefined {
    return this.entries.get(path)?.sha;
  }

  async read(path: string): Promise<Buffer | undefined> {
    const entry = (await this.list()).get(path);
    if (entry === undefined) {
      return undefined;
    }
    return new Promise((resolveRead, rejectRead) => {
      this.pending.push({
        sha: entry.sha,
        resolve: resolveRead,
        reject: rejectRead,
      });
      if (this.pending.length === 1) {
        // After the current turn, so reads started together share a process.
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * A file read before comes from memory; any other costs one `git
   * cat-file` (the resolver's rare reads of files nothing scanned).
   */
  readSync(path: string): Buffer | undefined {
    const entry = this.entries.get(path);
    if (entry === undefined) {
      return undefined;
    }
    const known = this.blobs.get(entry.sha);
    if (known) {
      return known;
    }
    try {
      return execFileSync(
        'git',
        ['-C', this.repoDir, 'cat-file', 'blob', entry.sha],
        {
          maxBuffer: entry.size + 1024,
          stdio: ['ignore', 'pipe', 'ignore'],
        },
      );
    } catch {
      return undefined;
    }
  }

  private list(): Promise<Map<string, BlobEntry>> {
    this.listing ??= listBlobs(this.repoDir, this.commit).then((entries) => {
      this.entries = entries;
      return entries;
    });
    return this.listing;
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    catFileBatch(
      this.repoDir,
      batch.map((request) => request.sha),
    ).then(
      (blobs) =>
        batch.forEach((request, i) => {
          const bytes = blobs[i];
          if (bytes) {
            this.blobs.set(request.sha, bytes);
          }
          request.resolve(bytes);
        }),
      (error: unknown) => batch.forEach((request) => request.reject(error)),
    );
  }
}

/**
 * The blobs of a commit: `<mode> <type> <sha> <size>\t<path>`, NUL-separated.
 * Symlinks and submodules are left out, as a directory walk leaves them.
 */
async function listBlobs(
  repoDir: string,
  commit: string,
): Promise<Map<string, BlobEntry>> {
  const { stdout } = await run(
    'git',
    ['-C', repoDir, 'ls-tree', '-r', '-l', '-z', '--full-tree', commit],
    { maxBuffer: MAX_LISTING_BYTES, encoding: 'buffer' },
  );
  const entries = new Map<string, BlobEntry>();
  for (const record of stdout.toString('utf8').split('\0')) {
    const match = /^(\d+) blob ([0-9a-f]+) +(\d+)\t(.+)$/s.exec(record);
    if (match?.[1] === '100644' || match?.[1] === '100755') {
      entries.set(match[4] ?? '', {
        sha: match[2] ?? '',
        size: Number(match[3]),
      });
    }
  }
  return entries;
}

/** Contents of blobs by SHA, in request order, from one `git cat-file --batch`. */
function catFileBatch(
  repoDir: string,
  shas: string[],
): Promise<(Buffer | undefined)[]> {
  return new Promise((resolveBatch, rejectBatch) => {
    const child = spawn('git', ['-C', repoDir, 'cat-file', '--batch'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on(
      'data',
      (chunk: Buffer) => (stderr += chunk.toString('utf8')),
    );
    child.on('error', rejectBatch);
    child.on('close', (code) => {
      if (code !== 0) {
        rejectBatch(
          new Error(`git cat-file failed (exit ${code}): ${stderr.trim()}`),
        );
        return;
      }
      resolveBatch(parseBatchOutput(Buffer.concat(chunks), shas.length));
    });
    child.stdin.end(`${shas.join('\n')}\n`);
  });
}

/** `<sha> blob <size>\n<bytes>\n` per object, or `<sha> missing\n`. */
function parseBatchOutput(
  output: Buffer,
  count: number,
): (Buffer | undefined)[] {
  const blobs: (Buffer | undefined)[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const end = output.indexOf(0x0a, offset);
    const header = output
      .subarray(offset, end === -1 ? output.length : end)
      .toString('utf8');
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
    if (end === -1 || size === undefined) {
      blobs.push(undefined);
      offset = end === -1 ? output.length : end + 1;
      continue;
    }
    const start = end + 1;
    blobs.push(output.subarray(start, start + Number(size)));
    offset = start + Number(size) + 1;
  }
  return blobs;
}

async function resolveCommit(
  repoDir: string,
  ref: string,
): Promise<string | undefined> {
  if (ref.startsWith('-')) {
    return undefined;
  }
  try {
    const { stdout } = await run('git', [
      '-C',
      repoDir,
      'rev-parse',
      '--verify',
      '--quiet',
      `${ref}^{commit}`,
    ]);
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** A BASE or HEAD argument that names neither a directory nor a revision. */
export class TreeArgumentError extends Error {
  readonly code = 'bad-input';

  constructor(message: string) {
    super(message);
    this.name = 'TreeArgumentError';
  }
}

/** A tree argument resolved, with the revision to name in reports. */
export interface ResolvedTree {
  tree: SourceTree;
  /** The commit SHA for a git revision; `working tree` or the directory's name. */
  revision: string;
}

/**
 * What a BASE or HEAD argument names: an existing directory (read from
 * disk), else a revision of the git repository around `cwd` (read from git
 * objects, never checked out), else a `TreeArgumentError` saying why not.
 */
export async function resolveTreeArgument(
  arg: string,
  cwd: string,
): Promise<ResolvedTree> {
  const path = resolve(cwd, arg);
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) {
    const revision = path === resolve(cwd) ? 'working tree' : basename(path);
    return { tree: new DirectoryTree(path), revision };
  }

  if (!(await insideGitRepository(cwd))) {
    throw new TreeArgumentError(
      `${arg} is not a directory, and ${cwd} is not inside a git repository ` +
        'to read it as a revision',
    );
  }
  const commit = await resolveCommit(cwd, arg);
  if (commit === undefined) {
    throw new TreeArgumentError(
      `${arg} is neither a directory nor a revision of the git repository at ${cwd}`,
    );
  }
  return { tree: new GitTree(cwd, commit, `git:${arg}`), revision: commit };
}

async function insideGitRepository(cwd: string): Promise<boolean> {
  try {
    await run('git', ['-C', cwd, 'rev-parse', '--git-dir']);
    return true;
  } catch {
    return false;
  }
}
