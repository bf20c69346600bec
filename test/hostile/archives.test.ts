import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { limitsFromEnv } from '../../src/github/limits-from-env.js';
import { analyzeTree } from '../../src/pipeline/analyze-tree.js';
import {
  DEFAULT_TARBALL_LIMITS,
  InputTooLargeError,
  readTarballTree,
} from '../../src/source/tarball-tree.js';
import type { TarballLimits } from '../../src/source/tarball-tree.js';
import { COMMENT_MARKER } from '../../src/render/comment/render-comment.js';
import { baseFiles, headAddsQueue } from '../github/helpers/billing-repo.js';
import { buildTarball } from '../github/helpers/build-tarball.js';
import { GitHubApiMock } from '../github/helpers/github-api-mock.js';
import { pullRequestPayload } from '../github/helpers/payloads.js';
import { createTestApp } from '../github/helpers/test-app.js';
import { useNock } from '../github/helpers/use-nock.js';

const MERGE_BASE = '1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d';
const HEAD = '6f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6';
const HEAD_2 = '7a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';

useNock();

const ROOT = 'acme-billing-0a1b2c3';
const QUEUE =
  "import { Queue } from 'bullmq';\nexport const q = new Queue('emails');\n";

/** A `.tar.gz` of raw entries, headers written as given (sizes may lie about content). */
async function rawArchive(
  entries: {
    name: string;
    content?: Buffer;
    type?: 'file' | 'symlink' | 'link';
    linkname?: string;
  }[],
): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on('data', (chunk: unknown) => {
    chunks.push(chunk as Buffer);
  });
  const done = new Promise<void>((resolve) =>
    archive.on('end', () => resolve()),
  );
  for (const { content, ...header } of entries) {
    archive.entry(header, content ?? Buffer.alloc(0));
  }
  archive.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks), { level: 9 });
}

describe('archives from GitHub: caps', () => {
  it.each([
    ['maxCompressedBytes', { maxCompressedBytes: 300 }],
    ['maxUncompressedBytes', { maxUncompressedBytes: 8 * 1024 }],
    ['maxFiles', { maxFiles: 3 }],
  ] as const)('stops at %s, naming the cap', async (limit, limits) => {
    const files = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        `src/f${i}.ts`,
        `export const v${i} = ${i};\n`,
      ]),
    );

    const reading = readTarballTree(await buildTarball(files), 'label', limits);

    await expect(reading).rejects.toBeInstanceOf(InputTooLargeError);
    await expect(reading).rejects.toMatchObject({
      limit,
      max: Object.values(limits)[0],
    });
  });

  it('skips one file over maxFileBytes, says so, and keeps the rest', async () => {
    const archive = await buildTarball({
      'src/big.ts': `export const big = '${'x'.repeat(5000)}';`,
      'src/queue.ts': QUEUE,
    });

    const tree = await readTarballTree(archive, 'label', {
      maxFileBytes: 4096,
    });

    expect(await tree.paths()).toEqual(['src/queue.ts']);
    expect(tree.skipped).toEqual([{ file: 'src/big.ts', reason: 'too-large' }]);
  });

  it('reads each cap from the environment, and refuses a typo rather than lifting it', () => {
    const env = {
      SCALING_REPORT_MAX_TARBALL_BYTES: '1000',
      SCALING_REPORT_MAX_UNPACKED_BYTES: '2000',
      SCALING_REPORT_MAX_FILES: '30',
      SCALING_REPORT_MAX_FILE_BYTES: '40',
    };
    const expected: TarballLimits = {
      maxCompressedBytes: 1000,
      maxUncompressedBytes: 2000,
      maxFiles: 30,
      maxFileBytes: 40,
    };

    expect(limitsFromEnv(env)).toEqual(expected);
    expect(() => limitsFromEnv({ SCALING_REPORT_MAX_FILES: '1e9x' })).toThrow(
      /SCALING_REPORT_MAX_FILES/,
    );
    expect(() =>
      limitsFromEnv({ SCALING_REPORT_MAX_FILE_BYTES: '-1' }),
    ).toThrow();
  });

  it('stops a decompression bomb at the uncompressed cap without inflating it', async () => {
    // 128 MiB of zeros in one source file: about 128 KiB compressed.
    const bomb = await rawArchive([
      { name: `${ROOT}/src/bomb.ts`, content: Buffer.alloc(128 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();

    const reading = readTarballTree(bomb, 'label', {
      maxUncompressedBytes: 4 * 1024 * 1024,
      maxFileBytes: 512 * 1024 * 1024,
    });

    await expect(reading).rejects.toMatchObject({
      limit: 'maxUncompressedBytes',
    });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(
      64 * 1024 * 1024,
    );
  });

  it('stops a bomb of a file declared small enough but streamed in chunks', async () => {
    const bomb = await rawArchive([
      { name: `${ROOT}/README.md`, content: Buffer.alloc(64 * 1024 * 1024) },
    ]);
    const chunks = Array.from(
      { length: Math.ceil(bomb.length / 4096) },
      (_, i) => bomb.subarray(i * 4096, i * 4096 + 4096),
    );

    const reading = readTarballTree(Readable.from(chunks), 'label', {
      maxUncompressedBytes: 1024 * 1024,
    });

    await expect(reading).rejects.toMatchObject({
      limit: 'maxUncompressedBytes',
    });
  });

  it('has defaults that bound every dimension', () => {
    expect(
      Object.values(DEFAULT_TARBALL_LIMITS).every(Number.isSafeInteger),
    ).toBe(true);
  });
});

describe('archives from GitHub: paths and links', () => {
  const hostile = [
    {
      name: `${ROOT}/src/link.ts`,
      type: 'symlink' as const,
      linkname: '/etc/passwd',
    },
    {
      name: `${ROOT}/src/up.ts`,
      type: 'symlink' as const,
      linkname: '../../../../etc/shadow',
    },
    {
      name: `${ROOT}/src/hard.ts`,
      type: 'link' as const,
      linkname: `${ROOT}/src/ok.ts`,
    },
    {
      name: `${ROOT}/src/hard-out.ts`,
      type: 'link' as const,
      linkname: '/etc/passwd',
    },
    { name: `${ROOT}/../../escape.ts`, content: Buffer.from(QUEUE) },
    { name: `${ROOT}/src/../../../escape2.ts`, content: Buffer.from(QUEUE) },
    { name: '/abs/src/evil.ts', content: Buffer.from(QUEUE) },
    { name: 'C:/windows/src/evil.ts', content: Buffer.from(QUEUE) },
    {
      name: `${ROOT}/${'deep/'.repeat(1000)}long.ts`,
      content: Buffer.from(QUEUE),
    },
  ];

  it.each(hostile.map((entry) => [entry.name.slice(0, 60), entry]))(
    'never keeps %s',
    async (_name, entry) => {
      const archive = await rawArchive([
        {
          name: `${ROOT}/src/ok.ts`,
          content: Buffer.from('export const ok = 1;\n'),
        },
        entry,
      ]);

      const tree = await readTarballTree(archive, 'label');

      expect(await tree.paths()).toEqual(['src/ok.ts']);
      expect((await tree.read('src/ok.ts'))?.toString()).toBe(
        'export const ok = 1;\n',
      );
    },
  );

  it('answers nothing for paths that climb or are absolute when read', async () => {
    const archive = await rawArchive([
      {
        name: `${ROOT}/src/ok.ts`,
        content: Buffer.from('export const ok = 1;\n'),
      },
    ]);
    const tree = await readTarballTree(archive, 'label');

    for (const path of [
      '../../etc/passwd',
      '/etc/passwd',
      'src/../../etc/passwd',
    ]) {
      expect(await tree.read(path)).toBeUndefined();
    }
  });

  it('analyzes an archive full of hostile entries and finds only the real queue', async () => {
    const archive = await rawArchive([
      { name: `${ROOT}/src/queue.ts`, content: Buffer.from(QUEUE) },
      ...hostile,
    ]);

    const model = await analyzeTree(await readTarballTree(archive, 'label'));

    expect(model.queues.map((queue) => queue.name)).toEqual(['emails']);
    expect(model.queues[0]?.sites.map((site) => site.file)).toEqual([
      'src/queue.ts',
    ]);
  });
});

describe('past a cap, the app says which one in the comment and the check run', () => {
  function mockPush(
    api: GitHubApiMock,
    headSha: string,
    base: Buffer,
    head: Buffer,
  ): void {
    api
      .config()
      .createCheckRun(501)
      .compare('main', headSha, MERGE_BASE)
      .tarball(MERGE_BASE, base)
      .tarball(headSha, head);
  }

  it('names the file over maxFileBytes in both, and still reports the rest', async () => {
    const { deliver } = await createTestApp({ limits: { maxFileBytes: 2048 } });
    const api = new GitHubApiMock().installationToken().app();
    const head = {
      ...headAddsQueue,
      'src/schema/types.ts': `export const schema = '${'x'.repeat(4000)}';\n`,
    };
    mockPush(
      api,
      HEAD,
      await buildTarball(baseFiles),
      await buildTarball(head),
    );
    api.comments([]).createComment(9001).updateCheckRun(501);

    await deliver(
      'pull_request',
      'd-cap-1',
      pullRequestPayload('opened', { headSha: HEAD }),
    );

    const comment = String(
      api.written('POST', '/issues/12/comments')[0]?.body.body,
    );
    expect(comment).toContain('invoices');
    expect(comment).toContain('`src/schema/types.ts`');
    expect(comment).toContain('`maxFileBytes`');
    expect(comment).toContain('SCALING_REPORT_MAX_FILE_BYTES');
    const output = api.written('PATCH', '/check-runs/501')[0]?.body.output as {
      summary: string;
      text: string;
    };
    expect(output.summary).toContain(
      '1 file skipped on the head (too-large: 1)',
    );
    expect(output.text).toContain('`src/schema/types.ts`');
  });

  it('answers an archive over maxFiles in both, then serves the next push normally', async () => {
    const { deliver } = await createTestApp({ limits: { maxFiles: 5 } });
    const api = new GitHubApiMock().installationToken().app();
    const huge = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [
        `src/f${i}.ts`,
        `export const v = ${i};\n`,
      ]),
    );
    api
      .config()
      .createCheckRun(501)
      .compare('main', HEAD, MERGE_BASE)
      .tarball(MERGE_BASE, await buildTarball(huge))
      .updateCheckRun(501)
      .comments([])
      .createComment(9001);

    await deliver(
      'pull_request',
      'd-cap-2',
      pullRequestPayload('opened', { headSha: HEAD }),
    );

    const notice = String(
      api.written('POST', '/issues/12/comments')[0]?.body.body,
    );
    expect(notice.startsWith(COMMENT_MARKER)).toBe(true);
    expect(notice).toContain('not analyzed');
    expect(notice).toContain('`maxFiles` (5)');
    expect(notice).toContain('SCALING_REPORT_MAX_FILES');
    expect(api.written('PATCH', '/check-runs/501')[0]?.body).toMatchObject({
      conclusion: 'neutral',
      output: { title: 'Analysis unavailable' },
    });

    mockPush(
      api,
      HEAD_2,
      await buildTarball(baseFiles),
      await buildTarball(headAddsQueue),
    );
    api
      .comments([{ id: 9001, body: notice, login: 'scaling-report[bot]' }])
      .updateComment(9001)
      .updateCheckRun(501);
    await deliver(
      'pull_request',
      'd-cap-3',
      pullRequestPayload('synchronize', { headSha: HEAD_2 }),
    );

    const updated = String(
      api.written('PATCH', '/issues/comments/9001')[0]?.body.body,
    );
    expect(updated).toContain('invoices');
    expect(updated).not.toContain('not analyzed');
  });
});
