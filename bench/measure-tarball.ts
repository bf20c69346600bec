import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeTree } from '../src/pipeline/analyze-tree.js';
import { readTarballTree } from '../src/source/tarball-tree.js';
import { siblingScript } from './sibling-script.js';

/** Where the folder's archive is kept between runs of one benchmark. */
export function archivePathOf(dir: string): string {
  const digest = createHash('sha1').update(dir).digest('hex').slice(0, 12);
  return join(tmpdir(), `scaling-report-bench-${digest}.tar.gz`);
}

/**
 * The folder's archive, packed by a child process on first use; the
 * benchmark removes it before measuring a folder, so it is never stale.
 */
function archiveOf(dir: string): string {
  const path = archivePathOf(dir);
  if (!existsSync(path)) {
    execFileSync(
      process.execPath,
      [...siblingScript(import.meta.url, 'pack-tarball'), dir, path],
      { stdio: 'inherit' },
    );
  }
  return path;
}

/**
 * Full analysis from a `.tar.gz` held in memory, as the app gets it from
 * GitHub. Packing is not timed, and happens in another process.
 */
export async function measureTarball(dir: string): Promise<{
  files: number;
  bytes: number;
  ms: number;
  detail: Record<string, number>;
}> {
  const archive = readFileSync(archiveOf(dir));
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
