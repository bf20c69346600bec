/**
 * Usage: pack-tarball DIR OUT (run by the benchmark). Packs DIR as GitHub serves a
 * repository archive (one top-level folder, gzipped) into OUT. Run in a
 * process of its own, so packing never counts in a measured process's
 * memory.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { DirectoryTree } from '../src/source/directory-tree.js';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  process.stderr.write('usage: pack-tarball DIR OUT\n');
  process.exit(2);
}
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
await writeFile(out, gzipSync(Buffer.concat(chunks)));
