import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { analyzeTree } from '../src/pipeline/analyze-tree.js';
import { DirectoryTree } from '../src/source/directory-tree.js';
import { readTarballTree } from '../src/source/tarball-tree.js';

/** Packs `dir` as GitHub serves a tarball: one top-level folder, gzipped. */
async function tarballOf(dir: string): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on('data', (chunk: unknown) => {
    chunks.push(Buffer.from(chunk as Uint8Array));
  });
  const done = new Promise<void>((resolve) => {
    archive.on('end', () => resolve());
  });
  for (const path of await new DirectoryTree(dir).paths()) {
    archive.entry(
      { name: `owner-repo-abc1234/${path}` },
      await readFile(`${dir}/${path}`),
    );
  }
  archive.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}

/** Full analysis from a `.tar.gz` held in memory; packing is not timed. */
export async function measureTarball(dir: string): Promise<{
  files: number;
  bytes: number;
  ms: number;
  detail: Record<string, number>;
}> {
  const archive = await tarballOf(dir);
  const started = performance.now();
  const tree = await readTarballTree(archive, 'bench', { maxFiles: 100_000 });
  const model = await analyzeTree(tree);
  return {
    files: model.stats.filesScanned,
    bytes: archive.length,
    ms: performance.now() - started,
    detail: {
      parsed: model.stats.filesParsed,
      archiveMb: Math.round(archive.length / 1e6),
    },
  };
}
