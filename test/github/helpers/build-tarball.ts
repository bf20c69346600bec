import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';

/** An entry written as is: links, odd paths, directories. */
export interface RawEntry {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  content?: string;
  linkname?: string;
}

/**
 * Builds a `.tar.gz` shaped like GitHub's archive endpoint: every path sits
 * under one top-level folder named `<owner>-<repo>-<short sha>`.
 */
export async function buildTarball(
  files: Record<string, string | Buffer>,
  options: { root?: string; raw?: RawEntry[] } = {},
): Promise<Buffer> {
  const root = options.root ?? 'acme-billing-0a1b2c3';
  const archive = pack();
  const chunks: Buffer[] = [];
  const collected = new Promise<void>((resolve, reject) => {
    archive.on('data', (chunk: unknown) => {
      chunks.push(chunk as Buffer);
    });
    archive.on('end', () => resolve());
    archive.on('error', reject);
  });

  archive.entry({ name: `${root}/`, type: 'directory' });
  for (const [path, content] of Object.entries(files)) {
    archive.entry({ name: `${root}/${path}` }, content);
  }
  for (const entry of options.raw ?? []) {
    const { content, ...header } = entry;
    archive.entry({ ...header }, content ?? '');
  }
  archive.finalize();

  await collected;
  return gzipSync(Buffer.concat(chunks));
}
