import { execFileSync } from 'node:child_process';
import {
  mkdtempSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitBlobSha } from '../../src/facts/fact-cache.js';
import { DirectoryTree } from '../../src/source/directory-tree.js';
import {
  GitTree,
  resolveTreeArgument,
  TreeArgumentError,
} from '../../src/source/git-tree.js';

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    },
  }).trim();
}

function commitFiles(
  dir: string,
  files: Record<string, string>,
  message: string,
): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

describe('GitTree', () => {
  let repo: string;
  let first: string;
  let second: string;

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'git-tree-'));
    git(repo, 'init', '-q', '-b', 'main');
    first = commitFiles(
      repo,
      { 'src/a.ts': 'export const a = 1;\n', 'my dir/b c.ts': 'b' },
      'one',
    );
    symlinkSync('src/a.ts', join(repo, 'link.ts'));
    second = commitFiles(
      repo,
      {
        'src/a.ts': 'export const a = 2;\n',
        'src/new.ts': 'new',
        'bin.dat': '\0\x01\x02',
      },
      'two',
    );
    git(repo, 'tag', 'v1', first);
    // A dirty work tree must never leak into what a revision reads.
    writeFileSync(join(repo, 'src/a.ts'), 'uncommitted');
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('lists the blobs of a revision, without symlinks', async () => {
    const tree = await GitTree.open(repo, 'v1');

    expect(tree.commit).toBe(first);
    expect(tree.label).toBe('git:v1');
    expect(await tree.paths()).toEqual(['my dir/b c.ts', 'src/a.ts']);
    const latest = await GitTree.open(repo, 'main');
    expect(git(repo, 'ls-tree', '--name-only', 'main')).toContain('link.ts');
    expect(await latest.paths()).toEqual([
      'bin.dat',
      'my dir/b c.ts',
      'src/a.ts',
      'src/new.ts',
    ]);
  });

  it('reads contents at the revision, not the work tree', async () => {
    const old = await GitTree.open(repo, first);
    const latest = await GitTree.open(repo, 'HEAD');

    expect((await old.read('src/a.ts'))?.toString()).toBe(
      'export const a = 1;\n',
    );
    expect((await latest.read('src/a.ts'))?.toString()).toBe(
      'export const a = 2;\n',
    );
    expect(readFileSync(join(repo, 'src/a.ts'), 'utf8')).toBe('uncommitted');
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(second);
  });

  it('reads many files at once, binary ones byte for byte', async () => {
    const tree = await GitTree.open(repo, 'main');
    const paths = await tree.paths();

    const contents = await Promise.all(paths.map((path) => tree.read(path)));

    expect(contents.map((bytes) => bytes?.length)).toEqual(
      paths.map((path) => tree.size(path)),
    );
    expect(contents[0]).toEqual(Buffer.from('\0\x01\x02'));
    expect(await tree.read('missing.ts')).toBeUndefined();
    expect(tree.readSync('src/new.ts')?.toString()).toBe('new');
  });

  it('reads a file read before again from memory, not from git', async () => {
    const own = mkdtempSync(join(tmpdir(), 'git-tree-'));
    git(own, 'init', '-q', '-b', 'main');
    commitFiles(own, { 'a.ts': 'read', 'b.ts': 'unread' }, 'one');
    const tree = await GitTree.open(own, 'main');
    await tree.read('a.ts');

    // Without its repository, git can answer nothing any more.
    renameSync(join(own, '.git'), join(own, 'moved.git'));

    expect(tree.readSync('a.ts')?.toString()).toBe('read');
    expect(tree.readSync('b.ts')).toBeUndefined();
    rmSync(own, { recursive: true, force: true });
  });

  it('hashes a path as its blob SHA', async () => {
    const tree = await GitTree.open(repo, 'main');
    await tree.paths();

    expect(tree.hash('src/new.ts')).toBe(gitBlobSha(Buffer.from('new')));
    expect(tree.hash('src/new.ts')).toBe(
      git(repo, 'rev-parse', 'main:src/new.ts'),
    );
  });

  it('rejects a ref that does not exist', async () => {
    await expect(GitTree.open(repo, 'no-such-branch')).rejects.toThrow(
      TreeArgumentError,
    );
    await expect(GitTree.open(repo, '--output=x')).rejects.toThrow(
      /not a revision/,
    );
  });
});

describe('resolveTreeArgument', () => {
  let repo: string;

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'tree-arg-'));
    git(repo, 'init', '-q', '-b', 'main');
    commitFiles(repo, { 'pkg/index.ts': 'x' }, 'one');
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('takes an existing directory as a directory', async () => {
    const resolved = await resolveTreeArgument('pkg', repo);

    expect(resolved.tree).toBeInstanceOf(DirectoryTree);
    expect(resolved.revision).toBe('pkg');
    expect((await resolveTreeArgument('.', repo)).revision).toBe(
      'working tree',
    );
  });

  it('takes anything else inside a repository as a revision', async () => {
    const resolved = await resolveTreeArgument('main', repo);

    expect(resolved.tree).toBeInstanceOf(GitTree);
    expect(resolved.revision).toBe(git(repo, 'rev-parse', 'main'));
  });

  it('explains an argument that is neither', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'no-repo-'));
    try {
      await expect(resolveTreeArgument('nope', repo)).rejects.toThrow(
        `nope is neither a directory nor a revision of the git repository at ${repo}`,
      );
      await expect(resolveTreeArgument('main', outside)).rejects.toThrow(
        /is not a directory, and .* is not inside a git repository/,
      );
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
