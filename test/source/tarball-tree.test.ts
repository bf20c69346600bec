import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import {
  InputTooLargeError,
  readTarballTree,
} from '../../src/source/tarball-tree.js';
import { buildTarball } from '../github/helpers/build-tarball.js';

const queueFile =
  "import { Queue } from 'bullmq';\nexport const q = new Queue('emails');\n";

describe('readTarballTree', () => {
  it('strips the top-level folder and keeps only sources and manifests', async () => {
    const archive = await buildTarball({
      'src/queues.ts': queueFile,
      'package.json': '{"name":"billing"}',
      'README.md': '# billing',
      'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      'node_modules/bullmq/index.js': 'module.exports = {};',
    });

    const tree = await readTarballTree(archive, 'acme/billing@0a1b2c3');

    expect(await tree.paths()).toEqual(['package.json', 'src/queues.ts']);
    expect((await tree.read('src/queues.ts'))?.toString()).toBe(queueFile);
    expect(tree.label).toBe('acme/billing@0a1b2c3');
  });

  it('ignores links, absolute paths and paths that climb out of the root', async () => {
    const archive = await buildTarball(
      { 'src/ok.ts': 'export const ok = 1;' },
      {
        raw: [
          {
            name: 'acme-billing-0a1b2c3/src/link.ts',
            type: 'symlink',
            linkname: '/etc/passwd',
          },
          {
            name: 'acme-billing-0a1b2c3/src/hard.ts',
            type: 'link',
            linkname: 'x/src/ok.ts',
          },
          {
            name: 'acme-billing-0a1b2c3/../../escape.ts',
            content: 'export {};',
          },
          { name: '/abs/src/evil.ts', content: 'export {};' },
        ],
      },
    );

    const tree = await readTarballTree(archive, 'acme/billing@0a1b2c3');

    expect(await tree.paths()).toEqual(['src/ok.ts']);
  });

  it('skips a file over the single-file cap and says why', async () => {
    const archive = await buildTarball({
      'src/big.ts': `export const big = '${'x'.repeat(3000)}';`,
      'src/small.ts': 'export const small = 1;',
    });

    const tree = await readTarballTree(archive, 'label', {
      maxFileBytes: 1000,
    });

    expect(await tree.paths()).toEqual(['src/small.ts']);
    expect(tree.skipped).toEqual([{ file: 'src/big.ts', reason: 'too-large' }]);
  });

  it.each([
    ['maxCompressedBytes', { maxCompressedBytes: 200 }],
    ['maxUncompressedBytes', { maxUncompressedBytes: 4096 }],
    ['maxFiles', { maxFiles: 2 }],
  ] as const)('throws InputTooLargeError past %s', async (limit, limits) => {
    const files = Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [
        `src/f${i}.ts`,
        `export const v${i} = '${i}';\n`,
      ]),
    );
    const archive = await buildTarball(files);

    const reading = readTarballTree(archive, 'label', limits);

    await expect(reading).rejects.toBeInstanceOf(InputTooLargeError);
    await expect(reading).rejects.toMatchObject({
      code: 'input-too-large',
      limit,
    });
  });

  it('reads an archive streamed in small chunks', async () => {
    const archive = await buildTarball({ 'src/queues.ts': queueFile });
    const chunks = Array.from(
      { length: Math.ceil(archive.length / 7) },
      (_, i) => archive.subarray(i * 7, i * 7 + 7),
    );

    const tree = await readTarballTree(Readable.from(chunks), 'label');

    expect(await tree.paths()).toEqual(['src/queues.ts']);
  });

  it('rejects a corrupt archive instead of returning a partial tree', async () => {
    const archive = await buildTarball({ 'src/queues.ts': queueFile });
    const truncated = archive.subarray(0, archive.length - 20);

    await expect(readTarballTree(truncated, 'label')).rejects.toThrow();
    await expect(
      readTarballTree(gzipSync('not a tar'), 'label'),
    ).rejects.toThrow();
  });
});
